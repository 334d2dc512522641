import { PROPOSAL_FORMATS, PROPOSAL_HONEYPOT, PROPOSAL_MENTOR_LABEL, PROPOSAL_TEXT_FIELDS } from '@clermontech/config';
import { escapeHtml } from './escape-html';

function valueOf(values: unknown, name: string): string {
  if (typeof values !== 'object' || values === null) return '';
  const value = (values as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : '';
}

/**
 * The talk-proposal form again, for a browser without JavaScript whose post was refused: the
 * reason first, then every field as the person left it, posting to the same place. Built from the
 * same field list as the site's page, so both forms send the same names within the same limits.
 */
export function renderProposalFormPage(page: { siteUrl: string; action: string; error: string; field: string; values: unknown }): string {
  const { values, field } = page;
  const invalid = (name: string) => (name === field ? ' aria-invalid="true" autofocus' : '');
  const textFields = Object.entries(PROPOSAL_TEXT_FIELDS).map(([name, spec]) => {
    const id = `f-${name}`;
    const attributes = `id="${id}" name="${name}" maxlength="${spec.max}"${spec.required ? ' required' : ''}${invalid(name)}`;
    const control = spec.multiline
      ? `<textarea ${attributes} rows="${name === 'abstract' ? 10 : 4}">${escapeHtml(valueOf(values, name))}</textarea>`
      : `<input ${attributes} type="${name === 'email' ? 'email' : 'text'}" value="${escapeHtml(valueOf(values, name))}">`;
    const hint = 'hint' in spec ? `<small>${escapeHtml(spec.hint)}</small>` : '';
    return `<p><label for="${id}">${escapeHtml(spec.label)}</label>${hint}${control}</p>`;
  });
  const chosenFormat = valueOf(values, 'format');
  const formats = Object.entries(PROPOSAL_FORMATS).map(
    ([value, label]) =>
      `<label class="choice"><input type="radio" name="format" value="${value}" required${value === chosenFormat ? ' checked' : ''}${invalid('format')}> ${escapeHtml(label)}</label>`,
  );
  const mentor = ['on', 'true'].includes(valueOf(values, 'wantsMentor'));
  const site = escapeHtml(page.siteUrl.replace(/\/$/, ''));

  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Proposer un talk : à corriger – Clermont'ech</title>
<style>
body{font:1.05rem/1.5 system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#1d1d1f}
[role=alert]{border-left:.3rem solid #b3261e;background:#fdecea;padding:.75rem 1rem;margin:1.5rem 0}
label{display:block;font-weight:600}small{display:block;color:#555}
input[type=text],input[type=email],textarea{width:100%;box-sizing:border-box;font:inherit;padding:.4rem;margin-top:.25rem}
.choice{font-weight:400}[aria-invalid=true]{outline:2px solid #b3261e}
fieldset{border:0;padding:0;margin:1rem 0}legend{font-weight:600}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
button{font:inherit;padding:.5rem 1.25rem;margin-top:1rem}
</style>
</head>
<body>
<p><a href="${site}/">Clermont'ech</a></p>
<h1>Proposer un talk</h1>
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
<p><a href="${site}/proposer-un-talk/">Revenir au site</a></p>
</body>
</html>
`;
}
