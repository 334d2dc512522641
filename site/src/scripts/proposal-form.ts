// The talk-proposal form, enhanced: sent as JSON so the page stays put (see json-form.ts). Without
// this script the form still works as a plain post (the CMS answers with a page).
import { sendAsJson } from './json-form.ts';

const form = document.querySelector<HTMLFormElement>('form[data-proposal-form]');
const done = document.querySelector<HTMLElement>('[data-proposal-done]');
const errorBox = form?.querySelector<HTMLElement>('[data-proposal-error]');
const progress = form?.querySelector<HTMLElement>('[data-proposal-progress]');
const submit = form?.querySelector<HTMLButtonElement>('[data-proposal-submit]');

if (form && done && errorBox && progress && submit) sendAsJson({ form, done, errorBox, progress, submit });
