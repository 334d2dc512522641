/**
 * The talk-proposal form, as the site shows it and the CMS checks it: one list of fields, their
 * limits and their French labels, so the page's `maxlength` and the server's refusal never disagree.
 */

export const PROPOSAL_FORMATS = {
  court: 'Talk court (10 à 15 min)',
  long: 'Talk long (25 à 30 min)',
  atelier: 'Atelier',
} as const;
export type ProposalFormat = keyof typeof PROPOSAL_FORMATS;

/** The hidden field a person never sees and a form-filling robot fills. */
export const PROPOSAL_HONEYPOT = 'site_web';

interface TextField {
  label: string;
  min: number;
  max: number;
  required: boolean;
  multiline: boolean;
  hint?: string;
}

export const PROPOSAL_TEXT_FIELDS = {
  title: { label: 'Titre du talk', min: 5, max: 150, required: true, multiline: false },
  abstract: {
    label: 'Résumé',
    min: 50,
    max: 4000,
    required: true,
    multiline: true,
    hint: 'Ce que le public va découvrir ou apprendre. Quelques paragraphes suffisent.',
  },
  speakerName: { label: 'Votre nom', min: 2, max: 150, required: true, multiline: false },
  email: {
    label: 'Votre e-mail',
    min: 6,
    max: 254,
    required: true,
    multiline: false,
    hint: 'Seulement pour vous répondre ; jamais publié.',
  },
  links: {
    label: 'Liens (facultatif)',
    min: 0,
    max: 1000,
    required: false,
    multiline: true,
    hint: 'Un par ligne : site, Mastodon, GitHub, un talk déjà donné…',
  },
  bio: { label: 'Quelques mots sur vous (facultatif)', min: 0, max: 2000, required: false, multiline: true },
} as const satisfies Record<string, TextField>;
export type ProposalTextField = keyof typeof PROPOSAL_TEXT_FIELDS;

export const PROPOSAL_MENTOR_LABEL = 'J’aimerais être accompagné·e par un mentor pour préparer ce talk';

/** Every name the form may send; anything else is refused. */
export const PROPOSAL_FIELD_NAMES = [
  ...Object.keys(PROPOSAL_TEXT_FIELDS),
  'format',
  'wantsMentor',
  PROPOSAL_HONEYPOT,
] as const;

export interface ProposalInput {
  title: string;
  abstract: string;
  format: ProposalFormat;
  speakerName: string;
  email: string;
  links: string[];
  bio?: string;
  wantsMentor: boolean;
}

export type ProposalCheck = { ok: true; proposal: ProposalInput } | { ok: false; field: string; message: string };

const MAX_LINKS = 10;
// Deliberately plain: one @, no spaces, a dot in the domain. The acknowledgement e-mail is the real check.
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/;
// Control characters other than tab and newlines have no place in a form's text.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const refuse = (field: string, message: string): ProposalCheck => ({ ok: false, field, message });

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * Checks what a form sent (a JSON object or a parsed urlencoded body) and returns either the clean
 * proposal or the first problem, named in French for the person who typed it.
 */
export function checkProposal(body: unknown): ProposalCheck {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return refuse('form', 'Le formulaire est vide ou illisible.');
  const values = body as Record<string, unknown>;
  const allowed = new Set<string>(PROPOSAL_FIELD_NAMES);
  const unknown = Object.keys(values).find((name) => !allowed.has(name));
  if (unknown !== undefined)
    return refuse(unknown, `Le champ « ${unknown.slice(0, 40)} » n’existe pas dans ce formulaire.`);

  const honeypot = values[PROPOSAL_HONEYPOT];
  if (honeypot !== undefined && honeypot !== '') return refuse(PROPOSAL_HONEYPOT, 'Ce champ devait rester vide.');

  const text: Partial<Record<ProposalTextField, string>> = {};
  for (const [name, spec] of Object.entries(PROPOSAL_TEXT_FIELDS) as [ProposalTextField, TextField][]) {
    const raw = values[name];
    if (raw !== undefined && typeof raw !== 'string') return refuse(name, `« ${spec.label} » doit être du texte.`);
    const value = (raw ?? '').replace(/\r\n?/g, '\n').trim();
    if (CONTROL.test(value)) return refuse(name, `« ${spec.label} » contient des caractères invalides.`);
    if (!spec.multiline && value.includes('\n')) return refuse(name, `« ${spec.label} » tient sur une ligne.`);
    if (value === '') {
      if (spec.required) return refuse(name, `« ${spec.label} » est obligatoire.`);
      continue;
    }
    if (value.length < spec.min)
      return refuse(name, `« ${spec.label} » est trop court (au moins ${spec.min} caractères).`);
    if (value.length > spec.max)
      return refuse(name, `« ${spec.label} » est trop long (au plus ${spec.max} caractères).`);
    text[name] = value;
  }
  if (!EMAIL.test(text.email!)) return refuse('email', 'Cette adresse e-mail ne semble pas valide.');

  const links = (text.links ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  if (links.length > MAX_LINKS) return refuse('links', `Au plus ${MAX_LINKS} liens, s’il vous plaît.`);
  const badLink = links.find((link) => !isHttpUrl(link));
  if (badLink !== undefined)
    return refuse('links', `Ce lien n’est pas une adresse web (http ou https) : ${badLink.slice(0, 80)}`);

  const format = values.format;
  // hasOwn, not `in`: "toString" is in every object.
  if (typeof format !== 'string' || !Object.hasOwn(PROPOSAL_FORMATS, format))
    return refuse('format', 'Choisissez un format de talk.');

  const mentor = values.wantsMentor;
  if (mentor !== undefined && typeof mentor !== 'boolean' && !['on', 'true', 'false', ''].includes(String(mentor))) {
    return refuse('wantsMentor', 'La case « mentor » est cochée ou non, rien d’autre.');
  }

  return {
    ok: true,
    proposal: {
      title: text.title!,
      abstract: text.abstract!,
      format: format as ProposalFormat,
      speakerName: text.speakerName!,
      email: text.email!,
      links,
      ...(text.bio ? { bio: text.bio } : {}),
      wantsMentor: mentor === true || mentor === 'on' || mentor === 'true',
    },
  };
}
