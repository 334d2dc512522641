// A form of the site sent as JSON, so the page stays put: an error appears above the form and on the
// field the CMS names, with everything typed still there; on success the form gives way to its
// "done" message. Without script the same form works as a plain post (the CMS answers with a page).

interface FormError {
  error?: { message?: string; details?: { field?: string } };
}

export interface JsonFormParts {
  form: HTMLFormElement;
  done: HTMLElement;
  errorBox: HTMLElement;
  progress: HTMLElement;
  submit: HTMLButtonElement;
  /** Fields with no control a reader can fix (hidden ones): their errors point at the whole form. */
  formWideFields?: string[];
}

export function sendAsJson({ form, done, errorBox, progress, submit, formWideFields = [] }: JsonFormParts): void {
  const showError = (message: string, field?: string) => {
    errorBox.textContent = message;
    errorBox.hidden = false;
    const control =
      field && !formWideFields.includes(field)
        ? form.querySelector<HTMLElement>(`[name="${CSS.escape(field)}"]`)
        : null;
    if (control) {
      control.setAttribute('aria-invalid', 'true');
      control.focus();
    } else {
      errorBox.setAttribute('tabindex', '-1');
      errorBox.focus();
    }
  };

  const clearErrors = () => {
    errorBox.hidden = true;
    errorBox.textContent = '';
    for (const control of form.querySelectorAll('[aria-invalid]')) control.removeAttribute('aria-invalid');
  };

  const send = async (event: SubmitEvent) => {
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
      const answer = (await response.json().catch(() => ({}))) as FormError;
      showError(
        answer.error?.message ?? `L’envoi a échoué (erreur ${response.status}). Réessayez dans un instant.`,
        answer.error?.details?.field,
      );
    } catch {
      showError(
        'Impossible de joindre le serveur. Vérifiez votre connexion et renvoyez : ce que vous avez écrit est conservé.',
      );
    } finally {
      submit.disabled = false;
      progress.textContent = '';
    }
  };

  form.addEventListener('submit', (event) => void send(event));
}
