import type { EntryLiveState } from '../../site-publishing/entry-live-state';

export interface LiveStateLine {
  /** « En ligne », « Publication en cours… ~5 s », « Brouillon », « Modifié depuis la publication »… */
  label: string;
  /** One sentence saying what it means for the public site. */
  detail?: string;
  tone: 'success' | 'neutral' | 'warning' | 'danger';
  /** Still moving: worth asking again soon. */
  pending: boolean;
}

const later = (a: string, b: string | undefined) => b === undefined || new Date(a) > new Date(b);

/** Where an entry stands on the public site, in French, from the CMS's versions and the publisher's state. */
export function describeLiveState(state: EntryLiveState): LiveStateLine {
  const { publishedAt, modified, site } = state;
  if (!publishedAt) {
    return {
      label: 'Brouillon',
      detail: 'Pas sur le site : rien n’est en ligne avant « Publier ».',
      tone: 'neutral',
      pending: false,
    };
  }
  if (!site.reachable) {
    return {
      label: modified ? 'Modifié depuis la publication' : 'Publié',
      detail: 'Le serveur du site ne répond pas : impossible de dire si la page est à jour.',
      tone: 'danger',
      pending: false,
    };
  }
  // The live release went live before this publication: the site does not show it yet.
  if (later(publishedAt, site.liveSince)) {
    if (site.building)
      return {
        label: `Publication en cours… ~${site.estimateSeconds} s`,
        detail: 'Le site se met à jour avec cette publication.',
        tone: 'warning',
        pending: true,
      };
    return {
      label: 'En attente du site',
      detail: 'Publié, mais le site n’a pas encore été mis à jour : voir « Site public » sur la page d’accueil.',
      tone: 'danger',
      pending: true,
    };
  }
  if (modified) {
    return {
      label: 'Modifié depuis la publication',
      detail: 'Le site montre la version publiée ; « Publier » y mettra vos dernières modifications.',
      tone: 'warning',
      pending: false,
    };
  }
  return { label: 'En ligne', tone: 'success', pending: false };
}
