/**
 * Registering for an evening, as the site's form shows it and the CMS checks it: one list of
 * fields, their limits and French labels, the registration states and the availability answer,
 * so the page, its script and the server never disagree.
 */
import { z } from 'zod';

/** How an event takes registrations (« Inscriptions » in the admin). */
export const REGISTRATION_MODES = {
  aucune: 'Pas d’inscription',
  lien: 'Lien externe (Meetup, Mobilizon…)',
  site: 'Sur le site',
} as const;
export type RegistrationMode = keyof typeof REGISTRATION_MODES;

/**
 * Where a registration stands: `pending` until its e-mail link is followed, then `confirmed` (a
 * place) or `waiting` (in line for one); `cancelled` by the person; `present` once ticked at the door.
 */
export const REGISTRATION_STATUSES = ['pending', 'confirmed', 'waiting', 'cancelled', 'present'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** The hidden field a person never sees and a form-filling robot fills. */
export const REGISTRATION_HONEYPOT = 'site_web';

export const REGISTRATION_FIELDS = {
  name: { label: 'Votre nom', max: 150 },
  email: {
    label: 'Votre e-mail',
    max: 254,
    hint: 'Pour confirmer votre inscription et vous prévenir ; jamais publié.',
  },
  accessibilityNeeds: {
    label: 'Besoins d’accessibilité (facultatif)',
    max: 500,
    hint: 'Fauteuil, interprète, place près de l’écran… Seule l’équipe le lit.',
  },
  firstTime: { label: 'C’est ma première fois à un événement Clermont’ech' },
} as const;

/** Days after the evening when registrations are anonymised, unless REGISTRATION_RETENTION_DAYS says otherwise. */
export const DEFAULT_REGISTRATION_RETENTION_DAYS = 30;

/** The sentence under the form: why the data is kept, and for how long. */
export function registrationPrivacyNotice(retentionDays: number): string {
  return `Votre nom et votre e-mail servent uniquement à gérer les places de cette soirée (confirmation, liste d’attente, rappel la veille) ; ils ne sont ni publiés ni transmis, et sont effacés ${retentionDays} jours après l’événement, ou dès que vous annulez.`;
}

// Control characters other than tab and newlines have no place in a form's text.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
// Deliberately plain: one @, no spaces, a dot in the domain. The confirmation e-mail is the real check.
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/;

const text = (label: string, max: number, { required, oneLine }: { required: boolean; oneLine: boolean }) =>
  z
    .string({ error: `« ${label} » doit être du texte.` })
    .optional()
    .transform((value) => (value ?? '').replace(/\r\n?/g, '\n').trim())
    .refine((value) => !CONTROL.test(value), `« ${label} » contient des caractères invalides.`)
    .refine((value) => !oneLine || !value.includes('\n'), `« ${label} » tient sur une ligne.`)
    .refine((value) => !required || value !== '', `« ${label} » est obligatoire.`)
    .refine((value) => value.length <= max, `« ${label} » est trop long (au plus ${max} caractères).`);

const RegistrationFormSchema = z.strictObject(
  {
    event: z
      .string({ error: 'Le formulaire ne dit pas pour quel événement.' })
      .regex(/^[a-z0-9]{10,40}$/, 'Le formulaire ne dit pas pour quel événement.'),
    name: text(REGISTRATION_FIELDS.name.label, REGISTRATION_FIELDS.name.max, { required: true, oneLine: true }).refine(
      (value) => value.length >= 2,
      `« ${REGISTRATION_FIELDS.name.label} » est trop court (au moins 2 caractères).`,
    ),
    email: text(REGISTRATION_FIELDS.email.label, REGISTRATION_FIELDS.email.max, {
      required: true,
      oneLine: true,
    }).refine((value) => EMAIL.test(value), 'Cette adresse e-mail ne semble pas valide.'),
    accessibilityNeeds: text(REGISTRATION_FIELDS.accessibilityNeeds.label, REGISTRATION_FIELDS.accessibilityNeeds.max, {
      required: false,
      oneLine: false,
    }),
    // A checkbox: absent or "on" from a plain form, a boolean from the script.
    firstTime: z
      .union([z.boolean(), z.enum(['on', 'true', 'false', ''])], {
        error: 'La case « première fois » est cochée ou non, rien d’autre.',
      })
      .optional()
      .transform((value) => value === true || value === 'on' || value === 'true'),
    [REGISTRATION_HONEYPOT]: z
      .string()
      .optional()
      .refine((value) => value === undefined || value === '', 'Ce champ devait rester vide.'),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `Le champ « ${String(issue.keys[0]).slice(0, 40)} » n’existe pas dans ce formulaire.`
        : undefined,
  },
);

export interface RegistrationInput {
  /** documentId of the event. */
  event: string;
  name: string;
  email: string;
  accessibilityNeeds?: string;
  firstTime: boolean;
}

export type RegistrationCheck =
  { ok: true; registration: RegistrationInput } | { ok: false; field: string; message: string };

/**
 * Checks what a form sent (a JSON object or a parsed urlencoded body) and returns either the clean
 * registration or the first problem, named in French for the person who typed it.
 */
export function checkRegistration(body: unknown): RegistrationCheck {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return { ok: false, field: 'form', message: 'Le formulaire est vide ou illisible.' };
  const parsed = RegistrationFormSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.code === 'unrecognized_keys' ? String(issue.keys[0]) : String(issue.path[0] ?? 'form');
    return { ok: false, field, message: issue.message };
  }
  const { event, name, email, accessibilityNeeds, firstTime } = parsed.data;
  return {
    ok: true,
    registration: { event, name, email, firstTime, ...(accessibilityNeeds ? { accessibilityNeeds } : {}) },
  };
}

/** `GET /api/events/:documentId/availability`: what the event page's script shows. */
export const AvailabilitySchema = z.object({
  /** Places in all; null when the event set none (no limit). */
  capacity: z.number().int().nullable(),
  confirmed: z.number().int(),
  /** null when there is no limit. */
  placesLeft: z.number().int().nullable(),
  waiting: z.number().int(),
  /** True while the form takes registrations (mode « sur le site », between opening and closing). */
  open: z.boolean(),
  waitingList: z.boolean(),
  /** The same in words (describeAvailability), so the page's script needs no copy of this module. */
  label: z.string(),
});
export type Availability = z.infer<typeof AvailabilitySchema>;

/** The line the event page shows about places, from the same answer for the page and its script. */
export function describeAvailability(availability: Omit<Availability, 'label'>): string {
  if (!availability.open) return 'Inscriptions fermées';
  if (availability.placesLeft === null) return 'Inscriptions ouvertes';
  if (availability.placesLeft > 0)
    return availability.placesLeft === 1 ? '1 place restante' : `${availability.placesLeft} places restantes`;
  return availability.waitingList ? 'Complet — liste d’attente' : 'Complet';
}

/** The answer pages of the site, where the CMS sends a browser. */
export const REGISTRATION_PAGES = {
  received: '/inscription/merci/',
  confirmed: '/inscription/confirmee/',
  waiting: '/inscription/liste-d-attente/',
  full: '/inscription/complet/',
  cancelled: '/inscription/annulee/',
  invalid: '/inscription/lien-invalide/',
} as const;
export type RegistrationPage = keyof typeof REGISTRATION_PAGES;
