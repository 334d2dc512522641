import type { Core } from '@strapi/strapi';
import { PROPOSAL_FORMATS, type Env, type ProposalInput } from '@clermontech/config';

interface Mail {
  to: string;
  replyTo?: string;
  subject: string;
  text: string;
}

const yesNo = (value: boolean) => (value ? 'oui' : 'non');

function teamMail(env: Env, proposal: ProposalInput, documentId: string, to: string): Mail {
  const adminUrl = new URL(`${env.CMS_ADMIN_PATH}/content-manager/collection-types/api::proposal.proposal/${documentId}`, env.CMS_URL);
  return {
    to,
    replyTo: proposal.email,
    subject: `Nouvelle proposition de talk : ${proposal.title}`,
    text: [
      `${proposal.speakerName} propose un talk sur le site.`,
      '',
      `Titre : ${proposal.title}`,
      `Format : ${PROPOSAL_FORMATS[proposal.format]}`,
      `Souhaite un mentor : ${yesNo(proposal.wantsMentor)}`,
      `E-mail : ${proposal.email}`,
      '',
      'Résumé :',
      proposal.abstract,
      ...(proposal.bio ? ['', 'Bio :', proposal.bio] : []),
      ...(proposal.links.length > 0 ? ['', 'Liens :', ...proposal.links] : []),
      '',
      `Lire, discuter et voter dans l’admin : ${adminUrl}`,
      'Répondre à ce message écrit directement à la personne.',
    ].join('\n'),
  };
}

function acknowledgement(env: Env, proposal: ProposalInput): Mail {
  return {
    to: proposal.email,
    ...(env.PROPOSAL_EMAIL ? { replyTo: env.PROPOSAL_EMAIL } : {}),
    subject: `Votre proposition « ${proposal.title} » est bien arrivée`,
    text: [
      `Bonjour ${proposal.speakerName},`,
      '',
      `Merci pour votre proposition de talk « ${proposal.title} » (${PROPOSAL_FORMATS[proposal.format].toLowerCase()}).`,
      'Les membres de l’association la lisent, en discutent et votent ; nous revenons vers vous dès que possible, quelle que soit la réponse.',
      proposal.wantsMentor
        ? 'Vous avez demandé un mentor : une personne de l’association vous contactera pour préparer le talk avec vous.'
        : 'Si vous souhaitez de l’aide pour préparer votre talk, un mentor peut vous accompagner : répondez simplement à ce message.',
      '',
      'À bientôt,',
      'L’équipe Clermont’ech',
      '',
      `${env.SITE_URL.replace(/\/$/, '')}/`,
    ].join('\n'),
  };
}

/**
 * Tells the team (PROPOSAL_EMAIL) and thanks the speaker, through Strapi's e-mail plugin. The
 * proposal is already saved: a mail server that is down costs an e-mail, logged, never the proposal.
 * Without SMTP_HOST the plugin's transport only renders the message, and the log says so.
 */
export async function notifyNewProposal(strapi: Core.Strapi, env: Env, proposal: ProposalInput, documentId: string): Promise<void> {
  const mails = [...(env.PROPOSAL_EMAIL ? [teamMail(env, proposal, documentId, env.PROPOSAL_EMAIL)] : []), acknowledgement(env, proposal)];
  if (!env.PROPOSAL_EMAIL) strapi.log.warn('PROPOSAL_EMAIL is not set: nobody is told of new talk proposals by e-mail');
  const email = strapi.plugin('email').service('email');
  for (const mail of mails) {
    try {
      await email.send({ from: env.EMAIL_FROM, ...mail });
      if (!env.SMTP_HOST) strapi.log.info(`e-mail not sent (SMTP_HOST is not set): "${mail.subject}" to ${mail.to}`);
    } catch (error) {
      strapi.log.error(`e-mail "${mail.subject}" to ${mail.to} failed: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`);
    }
  }
}
