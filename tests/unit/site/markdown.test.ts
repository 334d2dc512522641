import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { renderMarkdown, sanitize } from '../../../site/src/lib/markdown.ts';

// In the spirit of the OWASP XSS Filter Evasion Cheat Sheet, plus Markdown-specific vectors.
const PAYLOADS = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=https://xss.example/xss.js></SCRIPT>',
  '<IMG SRC="javascript:alert(\'XSS\');">',
  "<IMG SRC=javascript:alert('XSS')>",
  "<IMG SRC=JaVaScRiPt:alert('XSS')>",
  '<IMG SRC=`javascript:alert("RSnake says, \'XSS\'")`>',
  '<IMG """><SCRIPT>alert("XSS")</SCRIPT>">',
  '<IMG SRC=/ onerror="alert(String.fromCharCode(88,83,83))"></img>',
  '<img src=x onerror="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041">',
  '<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>',
  '<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>',
  '<IMG SRC="jav\tascript:alert(\'XSS\');">',
  '<IMG SRC="jav&#x0A;ascript:alert(\'XSS\');">',
  '<IMG SRC=" &#14;  javascript:alert(\'XSS\');">',
  '<SCRIPT/XSS SRC="https://xss.example/xss.js"></SCRIPT>',
  '<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert("XSS")>',
  '<<SCRIPT>alert("XSS");//\\<</SCRIPT>',
  '<SCRIPT SRC=//xss.example/.j>',
  '<IMG SRC="`<javascript:alert>`(\'XSS\')"',
  '</TITLE><SCRIPT>alert("XSS");</SCRIPT>',
  '<INPUT TYPE="IMAGE" SRC="javascript:alert(\'XSS\');">',
  '<BODY BACKGROUND="javascript:alert(\'XSS\')">',
  "<svg/onload=alert('XSS')>",
  '<svg><script>alert(1)</script></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<STYLE>li {list-style-image: url("javascript:alert(\'XSS\')");}</STYLE><UL><LI>XSS</br>',
  '<LINK REL="stylesheet" HREF="javascript:alert(\'XSS\');">',
  '<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert(\'XSS\');">',
  '<IFRAME SRC="javascript:alert(\'XSS\');"></IFRAME>',
  '<FRAMESET><FRAME SRC="javascript:alert(\'XSS\');"></FRAMESET>',
  '<TABLE BACKGROUND="javascript:alert(\'XSS\')">',
  '<DIV STYLE="background-image: url(javascript:alert(\'XSS\'))">',
  '<DIV STYLE="width: expression(alert(\'XSS\'));">',
  '<OBJECT TYPE="text/x-scriptlet" DATA="https://xss.example/scriptlet.html"></OBJECT>',
  '<EMBED SRC="data:image/svg+xml;base64,PHN2ZyB4bWxuczpzdmc9Imh0dH A6Ly93d3cudzMub3JnLzIwMDAvc3ZnIiB4bWxucz0iaHR0cDovL3d3dy53My5vcmcv">',
  '<a href="javascript:alert(1)">clic</a>',
  '<a href="  JaVaScRiPt:alert(1)">clic</a>',
  '<a href="vbscript:msgbox(1)">clic</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">clic</a>',
  '<a href="java&#x09;script:alert(1)">clic</a>',
  '<a href="//evil.example/">protocol-relative</a>',
  '<form action="https://evil.example"><input name="password"><button>OK</button></form>',
  '<details open ontoggle=alert(1)>',
  '<video><source onerror="alert(1)"></video>',
  '<audio src=x onerror=alert(1)>',
  '<base href="https://evil.example/">',
  '<a href="https://ok.example" onmouseover="alert(1)" style="position:fixed">survol</a>',
  '[clic](javascript:alert(1))',
  '[clic](JAVASCRIPT:alert(1))',
  '[clic](data:text/html,<script>alert(1)</script>)',
  '[clic](vbscript:alert(1))',
  '![x](javascript:alert(1))',
  '![x](https://ok.example/a.png"onerror="alert(1))',
  '<http://ok.example/"onmouseover="alert(1)>',
  '[a](<javascript:alert(1)>)',
  '`<script>alert(1)</script>` et ```\n<script>alert(1)</script>\n```',
];

const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'background', 'data', 'poster', 'cite']);
const FORBIDDEN_ELEMENTS = new Set([
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'form',
  'input',
  'button',
  'base',
  'link',
  'meta',
  'svg',
  'math',
  'video',
  'audio',
  'source',
  'details',
]);

interface ParsedNode {
  type: string;
  name?: string;
  attribs?: Record<string, string>;
  children?: ParsedNode[];
}

function walk(node: ParsedNode, visit: (element: ParsedNode) => void): void {
  if (node.attribs) visit(node);
  for (const child of node.children ?? []) walk(child, visit);
}

/** Problems a browser would act on: forbidden elements, event handlers, style, unsafe URLs. */
function dangers(html: string): string[] {
  const found: string[] = [];
  walk(parseDocument(html), (element) => {
    if (element.name && FORBIDDEN_ELEMENTS.has(element.name)) found.push(`<${element.name}>`);
    for (const [name, value] of Object.entries(element.attribs ?? {})) {
      if (name.startsWith('on') || name === 'style') found.push(`${element.name} ${name}`);
      if (URL_ATTRIBUTES.has(name) && !/^(https?:\/\/|mailto:|\/(?!\/))/i.test(value.trim())) {
        found.push(`${element.name} ${name}=${value}`);
      }
    }
  });
  return found;
}

describe('renderMarkdown', () => {
  it('has at least 30 payloads to check', () => {
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(30);
  });

  it.each(PAYLOADS)('neutralises %s', (payload) => {
    const html = renderMarkdown(payload);
    expect(dangers(html)).toEqual([]);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\son\w+\s*=/i);
  });

  it('keeps ordinary Markdown', () => {
    const html = renderMarkdown(
      '# Titre\n\nDu **gras**, un [lien](https://clermontech.org/) et `du code`.\n\n- un\n- deux',
    );
    expect(html).toContain('<h2>Titre</h2>');
    expect(html).toContain('<strong>gras</strong>');
    expect(html).toContain('<a href="https://clermontech.org/">lien</a>');
    expect(html).toContain('<code>du code</code>');
    expect(html).toContain('<li>un</li>');
  });

  it('numbers headings from h2, in the order of the levels used, never skipping one', () => {
    const html = renderMarkdown('### Le contexte\n\ntexte\n\n##### Un détail\n\n### La suite\n\n<h6>En HTML</h6>');
    expect([...html.matchAll(/<(h\d)>([^<]+)</g)].map(([, tag, text]) => `${tag} ${text}`)).toEqual([
      'h2 Le contexte',
      'h3 Un détail',
      'h2 La suite',
      'h4 En HTML',
    ]);
  });

  it('keeps mailto and site-relative links', () => {
    const html = renderMarkdown('[écrire](mailto:hello@clermontech.org) et [API Hours](/api-hours/)');
    expect(html).toContain('href="mailto:hello@clermontech.org"');
    expect(html).toContain('href="/api-hours/"');
  });

  it('turns legacy iframes into plain links', () => {
    const html = renderMarkdown('<iframe src="https://www.youtube.com/embed/abcdefghijk" width="560"></iframe>');
    expect(html).not.toContain('<iframe');
    expect(html).toContain('<a href="https://www.youtube.com/embed/abcdefghijk">');
    expect(html).toContain('www.youtube.com');
  });

  it('drops the content of script and style elements instead of showing it', () => {
    expect(sanitize('<p>a</p><script>alert(1)</script><style>p{}</style>')).toBe('<p>a</p>');
  });

  it('renders nothing for empty input', () => {
    expect(renderMarkdown(undefined)).toBe('');
    expect(renderMarkdown('')).toBe('');
  });
});
