import { PROPOSAL_FORMATS, PROPOSAL_HONEYPOT, PROPOSAL_MENTOR_LABEL, PROPOSAL_TEXT_FIELDS } from '@clermontech/config';
import { invalidMark, renderNoScriptPage, sentValue, type RefusedPost, siteBase } from '../http/no-script-page';
import { escapeHtml } from '../http/escape-html';

/**
 * The talk-proposal form again, for a browser without JavaScript whose post was refused: the
 * reason first, then every field as the person left it, posting to the same place. Built from the
 * same field list as the site's page, so both forms send the same names within the same limits.
 */
export function renderProposalFormPage(page: RefusedPost): string {
  const { values } = page;
  const invalid = invalidMark(page);
  const textFields = Object.entries(PROPOSAL_TEXT_FIELDS).map(([name, spec]) => {
    const id = `f-${name}`;
    const attributes = `id="${id}" name="${name}" maxlength="${spec.max}"${spec.required ? ' required' : ''}${invalid(name)}`;
    const control = spec.multiline
      ? `<textarea ${attributes} rows="${name === 'abstract' ? 10 : 4}">${escapeHtml(sentValue(values, name))}</textarea>`
      : `<input ${attributes} type="${name === 'email' ? 'email' : 'text'}" value="${escapeHtml(sentValue(values, name))}">`;
    const hint = 'hint' in spec ? `<small>${escapeHtml(spec.hint)}</small>` : '';
    return `<p><label for="${id}">${escapeHtml(spec.label)}</label>${hint}${control}</p>`;
  });
  const chosenFormat = sentValue(values, 'format');
  const formats = Object.entries(PROPOSAL_FORMATS).map(
    ([value, label]) =>
      `<label class="choice"><input type="radio" name="format" value="${value}" required${value === chosenFormat ? ' checked' : ''}${invalid('format')}> ${escapeHtml(label)}</label>`,
  );
  const mentor = ['on', 'true'].includes(sentValue(values, 'wantsMentor'));

  return renderNoScriptPage({
    title: 'Proposer un talk : à corriger',
    siteUrl: page.siteUrl,
    body: `<h1>Proposer un talk</h1>
<div role="alert"><strong>Votre proposition n’est pas encore envoyée.</strong> ${escapeHtml(page.error)}</div>
<p>Tout ce que vous avez écrit est ci-dessous : corrigez et renvoyez.</p>
<form method="post" action="${escapeHtml(page.action)}">
${textFields.slice(0, 2).join('\n')}
<fieldset><legend>Format</legend>${formats.join('')}</fieldset>
${textFields.slice(2).join('\n')}
<p><label class="choice"><input type="checkbox" name="wantsMentor"${mentor ? ' checked' : ''}> ${escapeHtml(PROPOSAL_MENTOR_LABEL)}</label></p>
<p class="hp" aria-hidden="true"><label for="f-hp">Ne pas remplir ce champ</label><input id="f-hp" name="${PROPOSAL_HONEYPOT}" tabindex="-1" autocomplete="off"></p>
<button type="submit">Envoyer ma proposition</button>
</form>
<p><a href="${siteBase(page.siteUrl)}/proposer-un-talk/">Revenir au site</a></p>`,
  });
}
