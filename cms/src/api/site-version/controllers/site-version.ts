import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { contentVersion } from '../../../publisher/content-version';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: Context) {
    ctx.body = { data: { version: await contentVersion(strapi) } };
  },
});
