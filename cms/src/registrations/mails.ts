import { escapeHtml } from '../http/escape-html';

/** The e-mails a registration may be owed; a kind stays owed until the relay took it. */
export const MAIL_KINDS = ['confirm-request', 'confirmed', 'waiting', 'promoted', 'reminder'] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

export interface RegistrationMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments?: { filename: string; content: string; contentType: string }[];
}

/** What every registration e-mail may say: the association's words and links, the event as the volunteers wrote it. */
export interface MailFacts {
  to: string;
  eventTitle: string;
  /** "jeudi 12 mars 2026 à 19 h" */
  when: string;
  where?: string;
  eventUrl: string;
  confirmUrl?: string;
  cancelUrl?: string;
  position?: number;
  /** The .ics of the evening. */
  calendar?: string;
}

/** Subjects say what happened, never anything a visitor typed. */
export const SUBJECTS: Record<MailKind, string> = {
  'confirm-request': 'Confirmez votre inscription',
  confirmed: 'Inscription confirmée',
  waiting: 'Vous êtes sur la liste d’attente',
  promoted: 'Une place s’est libérée : inscription confirmée',
  reminder: 'C’est demain : rappel de votre inscription',
};

type Line = string | { link: string; label: string };

function render(subject: string, lines: Line[]): { text: string; html: string } {
  const text = lines.map((line) => (typeof line === 'string' ? line : `${line.label} : ${line.link}`)).join('\n');
  const html = [
    '<!doctype html>',
    '<html lang="fr">',
    `<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family:system-ui,sans-serif;line-height:1.5">',
    ...lines
      .filter((line) => line !== '')
      .map((line) =>
        typeof line === 'string'
          ? `<p>${escapeHtml(line)}</p>`
          : `<p><a href="${escapeHtml(line.link)}">${escapeHtml(line.label)}</a></p>`,
      ),
    '</body>',
    '</html>',
  ].join('\n');
  return { text, html };
}

const SIGNATURE = ['', 'À bientôt,', 'L’équipe Clermont’ech'];

function eventLines(facts: MailFacts): Line[] {
  return [
    `${facts.eventTitle}`,
    `Quand : ${facts.when}`,
    ...(facts.where ? [`Où : ${facts.where}`] : []),
    { label: 'La page de l’événement', link: facts.eventUrl },
  ];
}

const cancelLine = (facts: MailFacts, label: string): Line[] =>
  facts.cancelUrl ? ['', { label, link: facts.cancelUrl }] : [];

const calendarAttachment = (facts: MailFacts) =>
  facts.calendar
    ? {
        attachments: [
          {
            filename: 'evenement.ics',
            content: facts.calendar,
            contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
          },
        ],
      }
    : {};

/**
 * One e-mail of the registration's life, text and escaped HTML. The first one goes to an address
 * nobody confirmed yet: it holds none of the visitor's words (not even the name), so the relay
 * never carries a stranger's text to a stranger.
 */
export function registrationMail(kind: MailKind, facts: MailFacts): RegistrationMail {
  const subject = SUBJECTS[kind];
  let lines: Line[];
  switch (kind) {
    case 'confirm-request':
      lines = [
        'Bonjour,',
        '',
        'Pour confirmer votre inscription à cet événement, suivez ce lien :',
        { label: 'Confirmer mon inscription', link: facts.confirmUrl ?? facts.eventUrl },
        '',
        ...eventLines(facts),
        '',
        'Vous ne vous êtes pas inscrit·e ? Quelqu’un a saisi votre adresse dans notre formulaire : ignorez ce message, rien ne sera gardé sans confirmation.',
        ...SIGNATURE,
      ];
      break;
    case 'confirmed':
    case 'promoted':
      lines = [
        'Bonjour,',
        '',
        kind === 'promoted'
          ? 'Une place s’est libérée : vous quittez la liste d’attente, votre inscription est confirmée.'
          : 'Votre inscription est confirmée : une place vous attend.',
        '',
        ...eventLines(facts),
        '',
        'L’événement est joint à ce message, pour votre agenda.',
        ...cancelLine(facts, 'Vous ne pouvez plus venir ? Libérez votre place'),
        ...SIGNATURE,
      ];
      break;
    case 'waiting':
      lines = [
        'Bonjour,',
        '',
        `L’événement est complet : vous êtes sur la liste d’attente, en position ${facts.position ?? '?'}.`,
        'Dès qu’une place se libère, la première personne en attente l’obtient et reçoit un e-mail.',
        '',
        ...eventLines(facts),
        ...cancelLine(facts, 'Quitter la liste d’attente'),
        ...SIGNATURE,
      ];
      break;
    case 'reminder':
      lines = [
        'Bonjour,',
        '',
        'Petit rappel : vous êtes inscrit·e à cet événement, demain.',
        '',
        ...eventLines(facts),
        ...cancelLine(facts, 'Vous ne pouvez plus venir ? Libérez votre place'),
        ...SIGNATURE,
      ];
      break;
    default: {
      const unknown: never = kind;
      throw new Error(`unknown registration e-mail ${String(unknown)}`);
    }
  }
  return {
    to: facts.to,
    subject,
    ...render(subject, lines),
    ...(kind === 'confirmed' || kind === 'promoted' ? calendarAttachment(facts) : {}),
  };
}
