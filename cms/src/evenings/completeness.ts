/** A draft as the document service returns it: its fields, by name. */
export type Draft = Record<string, unknown> & { documentId: string };

export interface EveningDraft {
  event: Draft;
  talks: (Draft & { speakers: Draft[] })[];
}

/** The required fields of each kind, with their French labels as the admin shows them. */
export interface RequiredFields {
  event: Record<string, string>;
  talk: Record<string, string>;
  speaker: Record<string, string>;
}

const isBlank = (value: unknown) =>
  value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

const missingFields = (entry: Draft, required: Record<string, string>) =>
  Object.entries(required)
    .filter(([field]) => isBlank(entry[field]))
    .map(([, label]) => `« ${label} »`);

/** The text, trimmed, or undefined when there is none. */
const textOf = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/**
 * Everything that would make the evening's public page incomplete, one French sentence each, in the
 * order a volunteer reads the form: the event, then each talk and its speakers. Empty when it can go live.
 */
export function missingForPublication({ event, talks }: EveningDraft, required: RequiredFields): string[] {
  const missing: string[] = [];
  const eventFields = missingFields(event, required.event);
  if (eventFields.length > 0) missing.push(`L’événement : ${eventFields.join(', ')} à remplir.`);
  talks.forEach((talk, index) => {
    const title = textOf(talk.title);
    // "Le talk « Titre »", or its place in the programme when it has no title yet.
    const talkName = title ? `Le talk « ${title} »` : `Le talk n° ${index + 1} du programme`;
    const talkFields = missingFields(talk, required.talk);
    if (talkFields.length > 0) missing.push(`${talkName} : ${talkFields.join(', ')} à remplir.`);
    if (talk.speakers.length === 0) missing.push(`${talkName} n’a pas de speaker.`);
    talk.speakers.forEach((speaker, speakerIndex) => {
      const speakerFields = missingFields(speaker, required.speaker);
      if (speakerFields.length === 0) return;
      const name = textOf(speaker.name);
      const speakerName = name ? `« ${name} »` : `n° ${speakerIndex + 1}`;
      missing.push(
        `Le speaker ${speakerName} de ${title ? `« ${title} »` : talkName.toLowerCase()} : ${speakerFields.join(', ')} à remplir.`,
      );
    });
  });
  return missing;
}
