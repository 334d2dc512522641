import type { SitePublicStatus } from '../../publisher/contracts';

const time = (iso: string, now: Date) => {
  const date = new Date(iso);
  const sameDay = date.toDateString() === now.toDateString();
  return new Intl.DateTimeFormat('fr-FR', {
    timeZone: 'Europe/Paris',
    ...(sameDay ? {} : { day: 'numeric', month: 'long' }),
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
};

export interface StatusLines {
  headline: string;
  failure?: string;
  tone: 'success' | 'neutral' | 'danger';
}

/** The publisher's status in plain French, for volunteers. */
export function describeStatus(status: SitePublicStatus | undefined, now = new Date()): StatusLines {
  if (!status) return { headline: 'Chargement…', tone: 'neutral' };
  if (!status.reachable) return { headline: 'Le serveur du site ne répond pas.', failure: status.error, tone: 'danger' };
  const parts: string[] = [];
  parts.push(status.release?.liveSince ? `En ligne depuis ${time(status.release.liveSince, now)}` : 'Pas encore en ligne');
  if (status.building) parts.push('publication en cours…');
  if (status.queued) parts.push('une autre suivra');
  const failedLast =
    status.lastFailure && (!status.lastSuccess || new Date(status.lastFailure.at) > new Date(status.lastSuccess.at));
  return {
    headline: parts.join(' · '),
    failure: failedLast ? `Dernière publication échouée à ${time(status.lastFailure!.at, now)} : ${status.lastFailure!.error ?? 'erreur inconnue'}` : undefined,
    tone: failedLast ? 'danger' : status.building ? 'neutral' : 'success',
  };
}
