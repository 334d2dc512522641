import { PROPOSAL_FORMATS, type Env, type ProposalInput } from '@clermontech/config';
import { escapeHtml } from '../http/escape-html';

/**
 * One e-mail, with both parts written here: Strapi's nodemailer provider sends the text as the HTML
 * part when no HTML is given, so markup typed in the form would reach mail clients as markup.
 */
export interface ProposalMail {
  to: string;
  replyTo?: string;
  subject: string;
  text: string;
  html: string;
}

/** Subjects never carry what a visitor typed: a subject is shown before anyone chose to open the mail. */
export const TEAM_SUBJECT = 'Nouvelle proposition de talk';
export const ACKNOWLEDGEMENT_SUBJECT = 'Nous avons bien reçu votre proposition de talk';

const yesNo = (value: boolean) => (value ? 'oui' : 'non');

function page(title: string, body: string[]): string {
  return [
    '<!doctype html>',
    '<html lang="fr">',
    `<head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>`,
    '<body style="font-family:system-ui,sans-serif;line-height:1.5">',
    ...body,
    '</body>',
    '</html>',
  ].join('\n');
}

/** A visitor's text as an HTML block: escaped, its line breaks kept. */
const block = (value: string) => `<p style="white-space:pre-wrap">${escapeHtml(value)}</p>`;

/**
 * For the team (PROPOSAL_EMAIL, an address the association chose): every field, escaped, in the HTML
 * part. The text part holds only what the form's own choices say (format, mentor) and the admin
 * link: it cannot be escaped, so the visitor's free text stays out of it.
 */
export function teamMail(env: Env, proposal: ProposalInput, documentId: string, to: string): ProposalMail {
  const adminUrl = new URL(
    `${env.CMS_ADMIN_PATH}/content-manager/collection-types/api::proposal.proposal/${documentId}`,
    env.CMS_URL,
  ).toString();
  const format = PROPOSAL_FORMATS[proposal.format];
  const field = (label: string, value: string) => `<p><strong>${escapeHtml(label)} :</strong> ${escapeHtml(value)}</p>`;
  return {
    to,
    replyTo: proposal.email,
    subject: TEAM_SUBJECT,
    text: [
      'Une nouvelle proposition de talk est arrivée sur le site.',
      '',
      `Format : ${format}`,
      `Souhaite un mentor : ${yesNo(proposal.wantsMentor)}`,
      '',
      `Lire, discuter et voter dans l’admin : ${adminUrl}`,
      'Le titre, le résumé et la bio sont aussi dans la version HTML de ce message.',
      'Répondre à ce message écrit directement à la personne.',
    ].join('\n'),
    html: page(TEAM_SUBJECT, [
      `<p>${escapeHtml(proposal.speakerName)} propose un talk sur le site.</p>`,
      field('Titre', proposal.title),
      field('Format', format),
      field('Souhaite un mentor', yesNo(proposal.wantsMentor)),
      field('E-mail', proposal.email),
      '<p><strong>Résumé :</strong></p>',
      block(proposal.abstract),
      ...(proposal.bio ? ['<p><strong>Bio :</strong></p>', block(proposal.bio)] : []),
      // Written out, not made into links: addresses a stranger typed are not one click away.
      ...(proposal.links.length > 0
        ? [
            '<p><strong>Liens :</strong></p>',
            `<ul>${proposal.links.map((link) => `<li>${escapeHtml(link)}</li>`).join('')}</ul>`,
          ]
        : []),
      `<p><a href="${escapeHtml(adminUrl)}">Lire, discuter et voter dans l’admin</a></p>`,
      '<p>Répondre à ce message écrit directement à la personne.</p>',
    ]),
  };
}

const ACKNOWLEDGEMENT_LINES = [
  'Bonjour,',
  '',
  'Nous avons bien reçu votre proposition de talk : merci !',
  'Les membres de l’association la lisent, en discutent et votent ; nous revenons vers vous dès que possible, quelle que soit la réponse.',
  'Si vous avez demandé un mentor, une personne de l’association vous contactera pour préparer le talk avec vous ; sinon, et si vous en souhaitez un, répondez simplement à ce message.',
  '',
  'Vous n’avez rien proposé ? Quelqu’un a saisi votre adresse dans notre formulaire : ignorez ce message.',
  '',
  'À bientôt,',
  'L’équipe Clermont’ech',
];

/**
 * For the address the visitor typed, which nobody has confirmed: the same words for everyone, none
 * of them the visitor's, so the association's relay never carries a stranger's text to a stranger.
 */
export function acknowledgementMail(env: Env, to: string): ProposalMail {
  const site = `${env.SITE_URL.replace(/\/$/, '')}/`;
  return {
    to,
    ...(env.PROPOSAL_EMAIL ? { replyTo: env.PROPOSAL_EMAIL } : {}),
    subject: ACKNOWLEDGEMENT_SUBJECT,
    text: [...ACKNOWLEDGEMENT_LINES, '', site].join('\n'),
    html: page(ACKNOWLEDGEMENT_SUBJECT, [
      ...ACKNOWLEDGEMENT_LINES.filter((line) => line !== '').map((line) => `<p>${escapeHtml(line)}</p>`),
      `<p><a href="${escapeHtml(site)}">${escapeHtml(site)}</a></p>`,
    ]),
  };
}
