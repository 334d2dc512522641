import { sections } from './event-details.ts';
import { fold, plainText, squash, truncate } from './text.ts';

/** Whether entry is free or paid, and the price as written; both undefined when the announcement does not say. */
export interface Admission {
  admission?: 'gratuite' | 'payante';
  price?: string;
  /** The words it was read from, to find their line. */
  evidence?: string;
}

/** Sections that speak of the evening itself (intro, where, when, registration, price), not of a talk or a sponsor. */
const ABOUT_THE_EVENT =
  /^$|pratique|infos?\b|informations|inscri|billet|reserv|tarif|prix|entree|participation|lieu|date|acces/;
const AMOUNT = /\d+(?:[.,]\d{1,2})?\s*(?:€|euros?\b)/i;
const PAID = /\b(?:payante?s?|tarifs?|prix d'entree|droit d'entree)\b/;
const FREE = /\b(?:gratuite?s?|entree libre|acces libre|libre et gratuit)\b/;

/**
 * What entry costs, from the sections about the evening: a price ("7 euros", "tarif étudiant"),
 * "payante", or "gratuit"/"entrée libre". A talk's abstract saying "gratuit" is not read.
 */
export function extractAdmission(markdown: string): Admission {
  const text = sections(markdown)
    .filter((section) => ABOUT_THE_EVENT.test(fold(section.title)))
    .map((section) => plainText(section.content))
    .join(' ');
  const sentences = text.split(/(?<=[.!?])\s+/);
  const priced = sentences.find((sentence) => AMOUNT.test(sentence) && !FREE.test(fold(sentence)));
  if (priced) return { admission: 'payante', price: truncate(squash(priced), 200), evidence: priced.slice(0, 40) };
  const paid = sentences.find((sentence) => PAID.test(fold(sentence)));
  if (paid) return { admission: 'payante', evidence: paid.slice(0, 40) };
  const free = sentences.find((sentence) => FREE.test(fold(sentence)));
  if (free) return { admission: 'gratuite', evidence: free.slice(0, 40) };
  return {};
}

export type EventStatus = 'prevu' | 'annule' | 'reporte' | 'en_ligne';

/**
 * An evening that did not happen as first announced: "annulé" or "reporté" in its title or a
 * heading or the text before the first heading, "se tiendra finalement en ligne". Otherwise scheduled.
 */
export function extractStatus(title: string, markdown: string): { status: EventStatus; evidence?: string } {
  const all = sections(markdown);
  const prominent = [
    title,
    ...all.map((section) => section.title),
    ...all.filter((section) => section.title === '').map((section) => plainText(section.content)),
  ].join('\n');
  const folded = fold(prominent);
  const cancelled = /\b(annulee?s?|annulation)\b/.exec(folded);
  if (cancelled) return { status: 'annule', evidence: cancelled[0] };
  const postponed = /\b(reportee?s?|report a une date)\b/.exec(folded);
  if (postponed) return { status: 'reporte', evidence: postponed[0] };
  const moved =
    /\b(?:passe|se tiendra|aura lieu|se deroulera)\s+(?:finalement\s+|exceptionnellement\s+|donc\s+|uniquement\s+)?(?:en ligne|en visio|a distance)\b/.exec(
      fold(plainText(markdown)),
    );
  if (moved) return { status: 'en_ligne', evidence: moved[0] };
  return { status: 'prevu' };
}
