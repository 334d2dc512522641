import type { Core } from '@strapi/strapi';
import type { Env, ProposalInput } from '@clermontech/config';
import { acknowledgementMail, teamMail } from './mails';

/**
 * Tells the team (PROPOSAL_EMAIL) and thanks the speaker, through Strapi's e-mail plugin. The
 * proposal is already saved: a mail server that is down costs an e-mail, logged, never the proposal.
 * Without SMTP_HOST the plugin's transport only renders the message, and the log says so.
 */
export async function notifyNewProposal(
  strapi: Core.Strapi,
  env: Env,
  proposal: ProposalInput,
  documentId: string,
): Promise<void> {
  const mails = [
    ...(env.PROPOSAL_EMAIL ? [teamMail(env, proposal, documentId, env.PROPOSAL_EMAIL)] : []),
    acknowledgementMail(env, proposal.email),
  ];
  if (!env.PROPOSAL_EMAIL) strapi.log.warn('PROPOSAL_EMAIL is not set: nobody is told of new talk proposals by e-mail');
  const email = strapi.plugin('email').service('email');
  for (const mail of mails) {
    try {
      await email.send({ from: env.EMAIL_FROM, ...mail });
      if (!env.SMTP_HOST) strapi.log.info(`e-mail not sent (SMTP_HOST is not set): "${mail.subject}" to ${mail.to}`);
    } catch (error) {
      strapi.log.error(
        `e-mail "${mail.subject}" to ${mail.to} failed: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`,
      );
    }
  }
}
