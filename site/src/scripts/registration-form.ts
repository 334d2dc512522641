// The registration form, enhanced: the places left are read from the CMS (and again every
// 30 s while the page is visible), and the form is sent as JSON so the page stays put. Without this
// script the page shows the places as of its build and the form still works as a plain post.
import { sendAsJson } from './json-form.ts';

interface Availability {
  open: boolean;
  label: string;
}

const section = document.querySelector<HTMLElement>('[data-registration]');
const places = section?.querySelector<HTMLElement>('[data-registration-places]');
const form = section?.querySelector<HTMLFormElement>('form[data-registration-form]');
const done = section?.querySelector<HTMLElement>('[data-registration-done]');
const errorBox = form?.querySelector<HTMLElement>('[data-registration-error]');
const progress = form?.querySelector<HTMLElement>('[data-registration-progress]');
const submit = form?.querySelector<HTMLButtonElement>('[data-registration-submit]');

async function refreshPlaces() {
  const url = section?.dataset.availability;
  if (!url || !places || document.hidden) return;
  try {
    const response = await fetch(url, { headers: { accept: 'application/json' } });
    if (!response.ok) return;
    const { data } = (await response.json()) as { data: Availability };
    places.textContent = data.label;
    if (submit) submit.disabled = !data.open;
  } catch {
    // Offline for a moment: the last figure stays shown.
  }
}

if (section) {
  void refreshPlaces();
  setInterval(() => void refreshPlaces(), 30_000);
  if (form && done && errorBox && progress && submit)
    sendAsJson({ form, done, errorBox, progress, submit, formWideFields: ['event'] });
}
