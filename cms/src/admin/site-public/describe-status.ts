import type { SitePublicStatus } from '../../site-publishing/contracts';

/** "2 décembre à 10:05": a volunteer reading the widget tomorrow must not take yesterday's time for today's. */
export function dateAndTime(iso: string): string {
  const date = new Date(iso);
  const day = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: 'numeric', month: 'long' }).format(
    date,
  );
  const time = new Intl.DateTimeFormat('fr-FR', {
    timeZone: 'Europe/Paris',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
  return `${day} à ${time}`;
}

const pages = (count: number) => `${count} page${count > 1 ? 's' : ''}`;

export interface StatusLines {
  headline: string;
  failure?: string;
  /** A refused build that removes most pages, explained, for an Editor to confirm. */
  removal?: string;
  tone: 'success' | 'neutral' | 'danger';
}

/** The refusal of a build that would remove most of the site, in one French sentence. */
export function describeRemoval(removal: SitePublicStatus['removal']): string | undefined {
  const refused = removal?.refused;
  if (!refused) return undefined;
  const examples = refused.removedPaths.join(', ');
  const more = refused.removedCount > refused.removedPaths.length ? ', …' : '';
  const sentence =
    `Publication bloquée le ${dateAndTime(refused.at)} : le site passerait de ${pages(refused.pagesBefore)} à ${pages(refused.pagesAfter)} ` +
    `(${pages(refused.removedCount)} disparaîtraient, dont ${examples}${more}). Si ces suppressions sont voulues, confirmez-les.`;
  return removal.confirmed ? `${sentence} Confirmé par ${removal.confirmed.by} : publication en cours.` : sentence;
}

/** The publisher's status in plain French, for volunteers. */
export function describeStatus(status: SitePublicStatus | undefined): StatusLines {
  if (!status) return { headline: 'Chargement…', tone: 'neutral' };
  if (!status.reachable)
    return { headline: 'Le serveur du site ne répond pas.', failure: status.error, tone: 'danger' };
  const parts: string[] = [];
  parts.push(
    status.release?.liveSince ? `En ligne depuis le ${dateAndTime(status.release.liveSince)}` : 'Pas encore en ligne',
  );
  if (status.building) parts.push('publication en cours…');
  if (status.queued) parts.push('une autre suivra');
  const failedLast =
    status.lastFailure && (!status.lastSuccess || new Date(status.lastFailure.at) > new Date(status.lastSuccess.at));
  const removal = describeRemoval(status.removal);
  return {
    headline: parts.join(' · '),
    // The refusal says it better than the build's one-line error.
    failure:
      failedLast && !removal
        ? `Dernière publication échouée le ${dateAndTime(status.lastFailure!.at)} : ${status.lastFailure!.error ?? 'erreur inconnue'}`
        : undefined,
    removal,
    tone: failedLast || removal ? 'danger' : status.building ? 'neutral' : 'success',
  };
}
