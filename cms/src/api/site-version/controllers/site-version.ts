import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { contentVersion } from '../../../site-publishing/content-version';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: Context) {
    ctx.body = { data: { version: await contentVersion(strapi) } };
  },
});
