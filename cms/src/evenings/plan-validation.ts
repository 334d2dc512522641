import { EVENT_KINDS, parisToUtc } from '@clermontech/config';
import { adminViews } from '../bootstrap/admin-views.data';
import {
  REGISTRATION_MODES,
  type Chosen,
  type EveningPlanInput,
  type EventKind,
  type NewSpeaker,
  type NewVenue,
  type PlannedTalk,
  type RegistrationMode,
} from './planner-contracts';

/** The field's label as the admin's forms show it, in « ». */
export const fieldLabel = (uid: string, field: string) => `« ${adminViews[uid]?.fields[field]?.label ?? field} »`;

type Raw = Record<string, unknown>;

const isObject = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/** Whether `value` is an address a browser opens: http(s), with a host. */
export function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

/** A whole number in [min, max], undefined when blank; `false` when given but not one. */
function wholeNumber(value: unknown, min: number, max: number): number | undefined | false {
  if (value === undefined || value === null || value === '') return undefined;
  const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : Number.NaN;
  return Number.isInteger(number) && number >= min && number <= max ? number : false;
}

/** The UTC instant of a Paris date (`YYYY-MM-DD`) and time (`HH:MM`), or undefined when either is not one. */
export function startsAtOf(date: string, time: string): Date | undefined {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const clock = /^(\d{2}):(\d{2})$/.exec(time);
  if (!day || !clock) return undefined;
  const [year, month, dayOfMonth, hour, minute] = [day[1], day[2], day[3], clock[1], clock[2]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const calendar = new Date(Date.UTC(year, month - 1, dayOfMonth));
  if (calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== dayOfMonth || hour > 23 || minute > 59)
    return undefined;
  return parisToUtc({ year, month, day: dayOfMonth }, { hour, minute });
}

const EVENT = 'api::event.event';
const TALK = 'api::talk.talk';
const VENUE = 'api::venue.venue';

export interface CheckedPlan {
  plan: EveningPlanInput;
  /** One French sentence per field to correct, in the order of the form; empty when the plan can be created. */
  problems: string[];
}

/**
 * Reads the guided page's body: every field a volunteer typed, checked as the page shows it, each
 * problem naming the field (and the talk, by its place in the programme). Lengths and the other
 * constraints of the content types are left to Strapi's own validation, when the documents are created.
 */
export function checkPlan(body: unknown): CheckedPlan {
  const problems: string[] = [];
  const raw = isObject(body) ? body : {};
  const event = isObject(raw.event) ? raw.event : {};
  const title = text(event.title) ?? '';
  if (!title) problems.push(`La soirée : ${fieldLabel(EVENT, 'title')} est à remplir.`);
  const kind = (EVENT_KINDS as readonly string[]).includes(String(event.kind)) ? (event.kind as EventKind) : 'api-hour';
  const number = wholeNumber(event.number, 1, 1_000_000);
  if (number === false)
    problems.push(`La soirée : ${fieldLabel(EVENT, 'number')} doit être un nombre entier (par exemple 74).`);
  const date = text(event.date) ?? '';
  const time = text(event.time) ?? '';
  if (!date) problems.push('La soirée : « Date » est à remplir.');
  if (!time) problems.push('La soirée : « Heure de début » est à remplir.');
  if (date && time && !startsAtOf(date, time))
    problems.push('La soirée : « Date » ou « Heure de début » n’est pas une date valide.');
  const summary = text(event.summary);
  const venue = chosen<NewVenue>(event.venue, (fields) => {
    const name = text(fields.name);
    if (!name) problems.push(`La soirée : ${fieldLabel(VENUE, 'name')} du nouveau lieu est à remplir.`);
    const address = text(fields.address);
    return { name: name ?? '', ...(address ? { address } : {}) };
  });
  const registrationMode = (REGISTRATION_MODES as readonly string[]).includes(String(event.registrationMode))
    ? (event.registrationMode as RegistrationMode)
    : undefined;
  const registrationUrl = text(event.registrationUrl);
  if (registrationUrl && !isWebAddress(registrationUrl))
    problems.push(
      `La soirée : ${fieldLabel(EVENT, 'registrationUrl')} n’est pas une adresse web (elle commence par https://).`,
    );
  if (registrationMode === 'lien' && !registrationUrl)
    problems.push(`La soirée : ${fieldLabel(EVENT, 'registrationUrl')} est à remplir pour des inscriptions par lien.`);
  const capacity = wholeNumber(event.capacity, 0, 1_000_000);
  if (capacity === false) problems.push(`La soirée : ${fieldLabel(EVENT, 'capacity')} doit être un nombre entier.`);

  const rawTalks = Array.isArray(raw.talks) ? raw.talks : [];
  if (rawTalks.length === 0) problems.push('Le programme est vide : ajoutez au moins un talk.');
  const talks = rawTalks.map((rawTalk, index): PlannedTalk => {
    const talk = isObject(rawTalk) ? rawTalk : {};
    const where = `Le talk n° ${index + 1}`;
    const talkTitle = text(talk.title) ?? '';
    if (!talkTitle) problems.push(`${where} : ${fieldLabel(TALK, 'title')} est à remplir.`);
    const duration = wholeNumber(talk.duration, 1, 600);
    if (duration === false)
      problems.push(`${where} : ${fieldLabel(TALK, 'duration')} doit être un nombre entier de 1 à 600.`);
    const slidesUrl = text(talk.slidesUrl);
    if (slidesUrl && !isWebAddress(slidesUrl))
      problems.push(
        `${where} : ${fieldLabel(TALK, 'slidesUrl')} n’est pas une adresse web (elle commence par https://).`,
      );
    const abstract = text(talk.abstract);
    const speaker = chosen<NewSpeaker>(talk.speaker, (fields) => {
      const name = text(fields.name);
      const photo = typeof fields.photo === 'number' && Number.isInteger(fields.photo) ? fields.photo : undefined;
      return { name: name ?? '', ...(photo !== undefined ? { photo } : {}) };
    });
    if (!speaker || (speaker.documentId === undefined && !speaker.name))
      problems.push(`${where} : « Speaker » est à remplir.`);
    return {
      title: talkTitle,
      ...(abstract ? { abstract } : {}),
      ...(typeof duration === 'number' ? { duration } : {}),
      ...(slidesUrl ? { slidesUrl } : {}),
      ...(speaker ? { speaker } : {}),
    };
  });

  const plan: EveningPlanInput = {
    event: {
      title,
      kind,
      date,
      time,
      ...(typeof number === 'number' ? { number } : {}),
      ...(summary ? { summary } : {}),
      ...(venue ? { venue } : {}),
      ...(registrationMode ? { registrationMode } : {}),
      ...(registrationUrl ? { registrationUrl } : {}),
      ...(typeof capacity === 'number' ? { capacity } : {}),
    },
    talks,
  };
  return { plan, problems };
}

/** `{ documentId }` for an existing document, the new one's fields otherwise, undefined when nothing was chosen. */
function chosen<New>(value: unknown, newOne: (fields: Raw) => New): Chosen<New> | undefined {
  if (!isObject(value)) return undefined;
  const documentId = text(value.documentId);
  if (documentId) return { documentId };
  return { ...newOne(value), documentId: undefined };
}
