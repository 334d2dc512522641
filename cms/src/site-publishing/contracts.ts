/** The widget's status shape is the publisher contract's (config/src/contract/publisher-api.ts). */
export type { SitePublicStatus } from '@clermontech/config';

/**
 * The admin permission behind the widget's routes ("Republier le site", Settings tab of a role):
 * Super Admin has it as it has every action, Editor is given it at boot, Author never.
 */
export const REPUBLISH_ACTION = 'api::site-public.republish';
