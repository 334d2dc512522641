import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { DraftResponse } from '@clermontech/config';
import { sendError } from '../../../http/error-body';
import type { DraftService } from '../services/draft';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async findDraft(ctx: Context) {
    ctx.set('cache-control', 'no-store');
    const { type, documentId } = ctx.params as { type: string; documentId: string };
    const token = typeof ctx.query.token === 'string' ? ctx.query.token : '';
    const service = strapi.service('api::draft.draft') as DraftService;
    const claims = service.verify(type, documentId, token);
    if (!claims) return sendError(ctx, 401, 'Missing, invalid or expired preview token');
    const draft = await service.findDraft(claims);
    if (!draft) return sendError(ctx, 404, 'This document has no draft');
    const body: DraftResponse = { data: draft, related: await service.findRelatedDrafts(claims.type, draft) };
    ctx.body = body;
  },
});
