import { factories } from '@strapi/strapi';
import { checkProposal } from '@clermontech/config';
import { cmsEnv } from '../../../cms-env';
import { notifyNewProposal } from '../../../proposals/notify';
import { respondToProposal } from '../../../proposals/respond';

export default factories.createCoreController('api::proposal.proposal', ({ strapi }) => ({
  /**
   * The public form's only door. Only the form's own fields are taken (a client can't set a status,
   * votes or a talk); a refusal stores nothing.
   */
  async create(ctx) {
    const env = cmsEnv();
    const files = (ctx.request as { files?: Record<string, unknown> }).files;
    if (files && Object.keys(files).length > 0) {
      return respondToProposal(ctx, env, {
        status: 400,
        field: 'form',
        message: 'Ce formulaire n’accepte pas de fichier.',
        values: ctx.request.body,
      });
    }
    const check = checkProposal(ctx.request.body);
    if (!check.ok)
      return respondToProposal(ctx, env, {
        status: 400,
        field: check.field,
        message: check.message,
        values: ctx.request.body,
      });

    const { links, ...proposal } = check.proposal;
    const created = await strapi.documents('api::proposal.proposal').create({
      data: { ...proposal, links: links.join('\n'), reviewStatus: 'recue' },
    });
    // Sent after the answer: the person doesn't wait for the mail server.
    void notifyNewProposal(strapi, env, check.proposal, created.documentId);
    return respondToProposal(ctx, env, { status: 201 });
  },
}));
