import { REGISTRATION_FIELDS, REGISTRATION_HONEYPOT } from '@clermontech/config';
import { escapeHtml } from '../proposals/escape-html';

const STYLE = `body{font:1.05rem/1.5 system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#1d1d1f}
[role=alert]{border-left:.3rem solid #b3261e;background:#fdecea;padding:.75rem 1rem;margin:1.5rem 0}
label{display:block;font-weight:600}small{display:block;color:#555}
input[type=text],input[type=email],textarea{width:100%;box-sizing:border-box;font:inherit;padding:.4rem;margin-top:.25rem}
.choice{font-weight:400}[aria-invalid=true]{outline:2px solid #b3261e}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
button{font:inherit;padding:.5rem 1.25rem;margin-top:1rem}`;

function page(title: string, siteUrl: string, body: string): string {
  const site = escapeHtml(siteUrl.replace(/\/$/, ''));
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} – Clermont'ech</title>
<style>
${STYLE}
</style>
</head>
<body>
<p><a href="${site}/">Clermont'ech</a></p>
${body}
</body>
</html>
`;
}

function valueOf(values: unknown, name: string): string {
  if (typeof values !== 'object' || values === null) return '';
  const value = (values as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : '';
}

/**
 * The registration form again, for a browser without JavaScript whose post was refused: the reason
 * first, then the fields as the person left them, posting to the same place.
 */
export function renderRegistrationFormPage(input: { siteUrl: string; action: string; error: string; field: string; values: unknown }): string {
  const { values, field } = input;
  const invalid = (name: string) => (name === field ? ' aria-invalid="true" autofocus' : '');
  const { name, email, accessibilityNeeds, firstTime } = REGISTRATION_FIELDS;
  const checked = ['on', 'true'].includes(valueOf(values, 'firstTime')) ? ' checked' : '';
  return page(
    'Inscription : à corriger',
    input.siteUrl,
    `<h1>S’inscrire</h1>
<div role="alert"><strong>Votre inscription n’est pas encore envoyée.</strong> ${escapeHtml(input.error)}</div>
<form method="post" action="${escapeHtml(input.action)}">
<input type="hidden" name="event" value="${escapeHtml(valueOf(values, 'event'))}">
<p><label for="r-name">${escapeHtml(name.label)}</label><input id="r-name" name="name" type="text" maxlength="${name.max}" required value="${escapeHtml(valueOf(values, 'name'))}"${invalid('name')}></p>
<p><label for="r-email">${escapeHtml(email.label)}</label><small>${escapeHtml(email.hint)}</small><input id="r-email" name="email" type="email" maxlength="${email.max}" required value="${escapeHtml(valueOf(values, 'email'))}"${invalid('email')}></p>
<p><label class="choice"><input type="checkbox" name="firstTime"${checked}> ${escapeHtml(firstTime.label)}</label></p>
<p><label for="r-needs">${escapeHtml(accessibilityNeeds.label)}</label><small>${escapeHtml(accessibilityNeeds.hint)}</small><textarea id="r-needs" name="accessibilityNeeds" maxlength="${accessibilityNeeds.max}" rows="3"${invalid('accessibilityNeeds')}>${escapeHtml(valueOf(values, 'accessibilityNeeds'))}</textarea></p>
<p class="hp" aria-hidden="true"><label for="r-hp">Ne pas remplir ce champ</label><input id="r-hp" name="${REGISTRATION_HONEYPOT}" tabindex="-1" autocomplete="off"></p>
<button type="submit">M’inscrire</button>
</form>`,
  );
}

/**
 * What the cancel link opens: a question and a button that posts. Mail scanners follow links to
 * check them; a GET that cancelled would free people's places without them.
 */
export function renderCancelPage(input: { siteUrl: string; action: string; token: string; eventTitle: string }): string {
  return page(
    'Annuler votre inscription',
    input.siteUrl,
    `<h1>Annuler votre inscription ?</h1>
<p>${escapeHtml(input.eventTitle)}</p>
<p>Votre place sera donnée à la première personne en liste d’attente, et votre nom et votre e-mail effacés.</p>
<form method="post" action="${escapeHtml(input.action)}">
<input type="hidden" name="token" value="${escapeHtml(input.token)}">
<button type="submit">Oui, libérer ma place</button>
</form>`,
  );
}
