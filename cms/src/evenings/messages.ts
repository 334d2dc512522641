import type { EveningAction, EveningCounts } from './contracts';

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** "Soirée publiée : l’événement, 3 talks et 3 speakers. …" */
export function resultMessage(action: EveningAction, counts: EveningCounts): string {
  const parts = [
    ...(counts.events > 0 ? ['l’événement'] : []),
    ...((counts.venues ?? 0) > 0 ? ['son lieu'] : []),
    ...(counts.talks > 0 ? [plural(counts.talks, 'talk', 'talks')] : []),
    ...(counts.speakers > 0 ? [plural(counts.speakers, 'speaker', 'speakers')] : []),
  ];
  const what =
    parts.length > 1 ? `${parts.slice(0, -1).join(', ')} et ${parts.at(-1)}` : (parts[0] ?? 'rien (déjà hors ligne)');
  return action === 'publish'
    ? `Soirée publiée : ${what}. Le site public se met à jour dans quelques secondes.`
    : `Soirée dépubliée : ${what}. Les brouillons restent ; le site public se met à jour dans quelques secondes.`;
}
