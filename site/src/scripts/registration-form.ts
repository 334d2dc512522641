// The registration form, enhanced: the places left are read from the CMS (and again every
// 30 s while the page is visible), and the form is sent as JSON so the page stays put. Without this
// script the page shows the places as of its build and the form still works as a plain post.

interface Availability {
  open: boolean;
  label: string;
}
interface RegistrationError {
  error?: { message?: string; details?: { field?: string } };
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

function showError(message: string, field?: string) {
  if (!form || !errorBox) return;
  errorBox.textContent = message;
  errorBox.hidden = false;
  const control = field ? form.querySelector<HTMLElement>(`[name="${CSS.escape(field)}"]`) : null;
  if (control && field !== 'event') {
    control.setAttribute('aria-invalid', 'true');
    control.focus();
  } else {
    errorBox.setAttribute('tabindex', '-1');
    errorBox.focus();
  }
}

async function send(event: SubmitEvent) {
  if (!form || !done || !submit || !progress || !errorBox) return;
  event.preventDefault();
  errorBox.hidden = true;
  for (const control of form.querySelectorAll('[aria-invalid]')) control.removeAttribute('aria-invalid');
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
    const answer = (await response.json().catch(() => ({}))) as RegistrationError;
    showError(answer.error?.message ?? `L’envoi a échoué (erreur ${response.status}). Réessayez dans un instant.`, answer.error?.details?.field);
  } catch {
    showError('Impossible de joindre le serveur. Vérifiez votre connexion et renvoyez : ce que vous avez écrit est conservé.');
  } finally {
    submit.disabled = false;
    progress.textContent = '';
  }
}

if (section) {
  void refreshPlaces();
  setInterval(() => void refreshPlaces(), 30_000);
  form?.addEventListener('submit', (event) => void send(event));
}

// A module: its names stay its own, apart from the other scripts of the page.
export {};
