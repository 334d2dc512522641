import { escapeHtml } from './escape-html';

// One look for every page the CMS answers a browser without JavaScript: the public forms' refusals
// and the registration's cancel question.
const STYLE = `body{font:1.05rem/1.5 system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#1d1d1f}
[role=alert]{border-left:.3rem solid #b3261e;background:#fdecea;padding:.75rem 1rem;margin:1.5rem 0}
label{display:block;font-weight:600}small{display:block;color:#555}
input[type=text],input[type=email],textarea{width:100%;box-sizing:border-box;font:inherit;padding:.4rem;margin-top:.25rem}
.choice{font-weight:400}[aria-invalid=true]{outline:2px solid #b3261e}
fieldset{border:0;padding:0;margin:1rem 0}legend{font-weight:600}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
button{font:inherit;padding:.5rem 1.25rem;margin-top:1rem}`;

/** The public site's address without its last slash, escaped for an attribute: `${siteBase(url)}/page/`. */
export const siteBase = (siteUrl: string): string => escapeHtml(siteUrl.replace(/\/$/, ''));

/** A whole page of the CMS, in French, not indexed, with a link home to the site above `body` (HTML). */
export function renderNoScriptPage(page: { title: string; siteUrl: string; body: string }): string {
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(page.title)} – Clermont'ech</title>
<style>
${STYLE}
</style>
</head>
<body>
<p><a href="${siteBase(page.siteUrl)}/">Clermont'ech</a></p>
${page.body}
</body>
</html>
`;
}

/** What a refused form post sent under `name`, to fill the form again; '' when it sent nothing usable. */
export function sentValue(values: unknown, name: string): string {
  if (typeof values !== 'object' || values === null) return '';
  const value = (values as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : '';
}

/** A public form's post the CMS refused, to show the form again with the reason above it. */
export interface RefusedPost {
  siteUrl: string;
  /** Where the form posts again: the path that refused it. */
  action: string;
  /** Why it was refused, one line in French. */
  error: string;
  /** The field to fix ('form' when it is none of them). */
  field: string;
  /** What was sent, to fill the fields again. */
  values: unknown;
}

/** The attributes of a form control: marked to fix, with the cursor in it, when it is the refused field. */
export const invalidMark =
  (refused: RefusedPost) =>
  (name: string): string =>
    name === refused.field ? ' aria-invalid="true" autofocus' : '';
