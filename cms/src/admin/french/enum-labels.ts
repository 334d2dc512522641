import { EVENT_KIND_LABELS, PROPOSAL_FORMATS, REGISTRATION_MODES } from '@clermontech/config/contract';

/**
 * Human labels for the enumerations' stored values. Strapi 5's edit view shows an option as the
 * translation whose id is the raw value (`formatMessage({ id: value, defaultMessage: value })` in
 * the admin's EnumerationInput), so these are admin translations keyed by value: the stored values,
 * which the site and the API use, stay as they are. Every value of every enumeration is here (a
 * test reads the schemas); the values are distinct across enumerations, so one label each.
 */
export const ENUM_LABELS: Record<string, string> = {
  // Event « Type ».
  ...EVENT_KIND_LABELS,
  // Event « Statut ».
  prevu: 'Prévu',
  annule: 'Annulé',
  reporte: 'Reporté',
  en_ligne: 'En ligne (à distance)',
  // Event « Entrée ».
  gratuite: 'Gratuite',
  payante: 'Payante',
  // Event « Inscriptions »: the words of the planner and the registration panel.
  ...REGISTRATION_MODES,
  // Member « Rôle ».
  president: 'Président·e',
  'vice-president': 'Vice-président·e',
  treasurer: 'Trésorier·e',
  secretary: 'Secrétaire',
  'board-member': 'Membre du bureau',
  'supervisory-council': 'Conseil de surveillance',
  // Talk and post « Langue ».
  fr: 'Français',
  en: 'Anglais',
  // Proposal « Format »: the words of the public form.
  ...PROPOSAL_FORMATS,
  // Proposal « Statut ».
  recue: 'Reçue',
  en_discussion: 'En discussion',
  acceptee: 'Acceptée',
  refusee: 'Refusée',
  programmee: 'Programmée',
  // Registration « Statut ».
  pending: 'En attente de confirmation',
  confirmed: 'Confirmée',
  waiting: 'Liste d’attente',
  cancelled: 'Annulée',
  present: 'Présent·e',
  // Sponsor « Niveau ».
  main: 'Principal',
  partner: 'Partenaire',
  supporter: 'Soutien',
};
