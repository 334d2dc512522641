// The talk-proposal form, enhanced: sent as JSON so the page stays put. Errors appear above the
// form and on the field, with everything typed still there. Without this script the form still
// works as a plain post (the CMS answers with a page).

interface ProposalError {
  error?: { message?: string; details?: { field?: string } };
}

const form = document.querySelector<HTMLFormElement>('form[data-proposal-form]');
const done = document.querySelector<HTMLElement>('[data-proposal-done]');
const errorBox = form?.querySelector<HTMLElement>('[data-proposal-error]');
const progress = form?.querySelector<HTMLElement>('[data-proposal-progress]');
const submit = form?.querySelector<HTMLButtonElement>('[data-proposal-submit]');

function showError(message: string, field?: string) {
  if (!form || !errorBox) return;
  errorBox.textContent = message;
  errorBox.hidden = false;
  const control = field ? form.querySelector<HTMLElement>(`[name="${CSS.escape(field)}"]`) : null;
  if (control) {
    control.setAttribute('aria-invalid', 'true');
    control.focus();
  } else {
    errorBox.setAttribute('tabindex', '-1');
    errorBox.focus();
  }
}

function clearErrors() {
  if (!form || !errorBox) return;
  errorBox.hidden = true;
  errorBox.textContent = '';
  for (const control of form.querySelectorAll('[aria-invalid]')) control.removeAttribute('aria-invalid');
}

async function send(event: SubmitEvent) {
  if (!form || !done || !submit || !progress) return;
  event.preventDefault();
  clearErrors();
  const body: Record<string, string> = {};
  for (const [name, value] of new FormData(form)) if (typeof value === 'string') body[name] = value;
  submit.disabled = true;
  progress.textContent = 'Envoi en cours…';
  try {
    const response = await fetch(form.action, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
    });
    if (response.ok) {
      form.hidden = true;
      done.hidden = false;
      done.focus();
      return;
    }
    const answer = (await response.json().catch(() => ({}))) as ProposalError;
    showError(answer.error?.message ?? `L’envoi a échoué (erreur ${response.status}). Réessayez dans un instant.`, answer.error?.details?.field);
  } catch {
    showError('Impossible de joindre le serveur. Vérifiez votre connexion et renvoyez : ce que vous avez écrit est conservé.');
  } finally {
    submit.disabled = false;
    progress.textContent = '';
  }
}

form?.addEventListener('submit', (event) => void send(event));
