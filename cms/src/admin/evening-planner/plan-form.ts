import type {
  EveningPlanInput,
  EventKind,
  PlanChoices,
  PlannedTalk,
  RegistrationMode,
} from '../../evenings/planner-contracts';

/** One talk row as typed: the speaker is a name, an existing speaker's or a new one's. */
export interface TalkRow {
  key: number;
  title: string;
  abstract: string;
  duration: string;
  slidesUrl: string;
  speakerName: string;
  /** A new speaker's photo, uploaded when the form is sent. */
  photo?: File;
}

export interface EveningForm {
  title: string;
  kind: EventKind;
  number: string;
  date: string;
  time: string;
  venueName: string;
  venueAddress: string;
  summary: string;
  registrationMode: RegistrationMode | '';
  registrationUrl: string;
  capacity: string;
  talks: TalkRow[];
}

let nextKey = 0;
export const emptyTalk = (): TalkRow => ({
  key: (nextKey += 1),
  title: '',
  abstract: '',
  duration: '20',
  slidesUrl: '',
  speakerName: '',
});

export const emptyForm = (): EveningForm => ({
  title: '',
  kind: 'api-hour',
  number: '',
  date: '',
  time: '19:00',
  venueName: '',
  venueAddress: '',
  summary: '',
  registrationMode: '',
  registrationUrl: '',
  capacity: '',
  talks: [emptyTalk()],
});

const sameName = (a: string, b: string) => a.trim().toLocaleLowerCase('fr') === b.trim().toLocaleLowerCase('fr');

/** The existing entry whose name is exactly the one typed (case aside), if any. */
export function existing<T extends { name: string }>(choices: T[], typed: string): T | undefined {
  return typed.trim() === '' ? undefined : choices.find((choice) => sameName(choice.name, typed));
}

const numberOrUndefined = (typed: string) => (typed.trim() === '' ? undefined : Number(typed.trim()));
const textOrUndefined = (typed: string) => (typed.trim() === '' ? undefined : typed.trim());

/**
 * The plan the CMS creates: names typed in the speaker and venue fields link the existing entry
 * of that name, or describe a new one; `photos` holds the media ids uploaded for new speakers, by row key.
 */
export function toPlan(form: EveningForm, choices: PlanChoices, photos: Map<number, number>): EveningPlanInput {
  const venue = existing(choices.venues, form.venueName);
  const registrationUrl = textOrUndefined(form.registrationUrl);
  const registrationMode = form.registrationMode || (registrationUrl ? 'lien' : undefined);
  const talks = form.talks.map((row): PlannedTalk => {
    const speaker = existing(choices.speakers, row.speakerName);
    const photo = photos.get(row.key);
    return {
      title: row.title,
      abstract: textOrUndefined(row.abstract),
      duration: numberOrUndefined(row.duration),
      slidesUrl: textOrUndefined(row.slidesUrl),
      speaker: speaker
        ? { documentId: speaker.documentId }
        : textOrUndefined(row.speakerName)
          ? { name: row.speakerName.trim(), ...(photo !== undefined ? { photo } : {}) }
          : undefined,
    };
  });
  return {
    event: {
      title: form.title,
      kind: form.kind,
      number: numberOrUndefined(form.number),
      date: form.date,
      time: form.time,
      summary: textOrUndefined(form.summary),
      venue: venue
        ? { documentId: venue.documentId }
        : textOrUndefined(form.venueName)
          ? { name: form.venueName.trim(), address: textOrUndefined(form.venueAddress) }
          : undefined,
      registrationMode,
      registrationUrl,
      capacity: numberOrUndefined(form.capacity),
    },
    talks,
  };
}
