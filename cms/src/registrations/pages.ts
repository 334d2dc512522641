import { REGISTRATION_FIELDS, REGISTRATION_HONEYPOT } from '@clermontech/config';
import { invalidMark, renderNoScriptPage, sentValue, type RefusedPost } from '../http/no-script-page';
import { escapeHtml } from '../http/escape-html';

/**
 * The registration form again, for a browser without JavaScript whose post was refused: the reason
 * first, then the fields as the person left them, posting to the same place.
 */
export function renderRegistrationFormPage(input: RefusedPost): string {
  const { values } = input;
  const invalid = invalidMark(input);
  const { name, email, accessibilityNeeds, firstTime } = REGISTRATION_FIELDS;
  const checked = ['on', 'true'].includes(sentValue(values, 'firstTime')) ? ' checked' : '';
  return renderNoScriptPage({
    title: 'Inscription : à corriger',
    siteUrl: input.siteUrl,
    body: `<h1>S’inscrire</h1>
<div role="alert"><strong>Votre inscription n’est pas encore envoyée.</strong> ${escapeHtml(input.error)}</div>
<form method="post" action="${escapeHtml(input.action)}">
<input type="hidden" name="event" value="${escapeHtml(sentValue(values, 'event'))}">
<p><label for="r-name">${escapeHtml(name.label)}</label><input id="r-name" name="name" type="text" maxlength="${name.max}" required value="${escapeHtml(sentValue(values, 'name'))}"${invalid('name')}></p>
<p><label for="r-email">${escapeHtml(email.label)}</label><small>${escapeHtml(email.hint)}</small><input id="r-email" name="email" type="email" maxlength="${email.max}" required value="${escapeHtml(sentValue(values, 'email'))}"${invalid('email')}></p>
<p><label class="choice"><input type="checkbox" name="firstTime"${checked}> ${escapeHtml(firstTime.label)}</label></p>
<p><label for="r-needs">${escapeHtml(accessibilityNeeds.label)}</label><small>${escapeHtml(accessibilityNeeds.hint)}</small><textarea id="r-needs" name="accessibilityNeeds" maxlength="${accessibilityNeeds.max}" rows="3"${invalid('accessibilityNeeds')}>${escapeHtml(sentValue(values, 'accessibilityNeeds'))}</textarea></p>
<p class="hp" aria-hidden="true"><label for="r-hp">Ne pas remplir ce champ</label><input id="r-hp" name="${REGISTRATION_HONEYPOT}" tabindex="-1" autocomplete="off"></p>
<button type="submit">M’inscrire</button>
</form>`,
  });
}

/**
 * What the cancel link opens: a question and a button that posts. Mail scanners follow links to
 * check them; a GET that cancelled would free people's places without them.
 */
export function renderCancelPage(input: {
  siteUrl: string;
  action: string;
  token: string;
  eventTitle: string;
}): string {
  return renderNoScriptPage({
    title: 'Annuler votre inscription',
    siteUrl: input.siteUrl,
    body: `<h1>Annuler votre inscription ?</h1>
<p>${escapeHtml(input.eventTitle)}</p>
<p>Votre place sera donnée à la première personne en liste d’attente, et votre nom et votre e-mail effacés.</p>
<form method="post" action="${escapeHtml(input.action)}">
<input type="hidden" name="token" value="${escapeHtml(input.token)}">
<button type="submit">Oui, libérer ma place</button>
</form>`,
  });
}
