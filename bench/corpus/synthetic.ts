/**
 * Synthetic corpora of the imported fixture's shape, `scale` times over: per unit, what the importer
 * plans for ../shared/fixtures/jekyll-clermontech (50 events, 162 talks, 93 speakers, 17 posts), with
 * the venues, sponsors, groups, members and pages an association keeps whatever its age. The text is
 * generated here, French-ish, from word lists: nothing is copied from the fixture.
 */
import { seededRandom } from '@clermontech/config';

/** Per scale unit, from `npm run import:jekyll -- <fixture> --dry-run`. */
export const FIXTURE_SHAPE = { events: 50, talks: 162, speakers: 93, posts: 17 } as const;

export interface SyntheticCorpus {
  venues: Record<string, unknown>[];
  sponsors: Record<string, unknown>[];
  groups: Record<string, unknown>[];
  speakers: Record<string, unknown>[];
  /** `venue`, `group` and `sponsors` hold slugs; the inserter turns them into documentIds. */
  events: Record<string, unknown>[];
  /** `event` and `speakers` hold slugs. */
  talks: Record<string, unknown>[];
  posts: Record<string, unknown>[];
  pages: Record<string, unknown>[];
  members: Record<string, unknown>[];
  global: Record<string, unknown>;
}

const FIRST_NAMES = [
  'Camille',
  'Léa',
  'Hugo',
  'Inès',
  'Yanis',
  'Manon',
  'Lucas',
  'Chloé',
  'Théo',
  'Sarah',
  'Mathis',
  'Jade',
  'Nathan',
  'Zoé',
  'Louis',
  'Emma',
  'Adrien',
  'Margaux',
  'Bastien',
  'Elsa',
  'Romain',
  'Pauline',
  'Quentin',
  'Anaïs',
];
const LAST_NAMES = [
  'Roche',
  'Fabre',
  'Besse',
  'Vidal',
  'Morel',
  'Chabrol',
  'Faure',
  'Gauthier',
  'Pradier',
  'Bonnefoy',
  'Delmas',
  'Aubert',
  'Cournil',
  'Chassaing',
  'Vernet',
  'Mallet',
  'Tixier',
  'Rouchon',
  'Bardin',
  'Charbonnel',
];
const TECHS = [
  'Rust',
  'PHP',
  'Symfony',
  'TypeScript',
  'Kubernetes',
  'PostgreSQL',
  'Elixir',
  'Go',
  'WebAssembly',
  'Python',
  'Kotlin',
  'Terraform',
  'GraphQL',
  'Svelte',
  'Linux',
  'Haskell',
  'Redis',
  'Kafka',
  'Vue',
  'Java',
];
const TOPICS = [
  'les tests de charge',
  'la dette technique',
  'l’accessibilité',
  'le déploiement continu',
  'les files de messages',
  'la sobriété numérique',
  'le typage statique',
  'la revue de code',
  'les bases de données',
  'la sécurité des API',
  'l’observabilité',
  'le travail à distance',
  'les logiciels libres',
  'la conception orientée domaine',
  'les micro-services',
  'le cache HTTP',
];
const TITLE_PATTERNS = [
  (tech: string, topic: string) => `${tech} en production : ${topic} sans douleur`,
  (tech: string, topic: string) => `Ce que ${tech} m’a appris sur ${topic}`,
  (tech: string, topic: string) => `Introduction à ${tech}, et un mot sur ${topic}`,
  (tech: string, topic: string) => `Retour d’expérience : ${topic} avec ${tech}`,
  (tech: string, topic: string) => `Dix minutes pour comprendre ${topic} (${tech})`,
  (tech: string, topic: string) => `${topic[0]!.toUpperCase()}${topic.slice(1)} : pourquoi nous avons choisi ${tech}`,
];
const SUBJECTS = [
  'Notre équipe',
  'Une petite association',
  'Le projet',
  'Ce retour d’expérience',
  'La démonstration',
  'Cette présentation',
  'Un service public local',
  'Une start-up clermontoise',
];
const VERBS = ['montre', 'raconte', 'explique', 'compare', 'détaille', 'questionne', 'illustre', 'résume'];
const COMPLEMENTS = [
  'comment éviter les pièges les plus courants',
  'les choix faits en chemin et ceux regrettés',
  'ce qui a marché du premier coup',
  'pourquoi la solution la plus simple a gagné',
  'les chiffres avant et après la migration',
  'les outils utilisés au quotidien',
  'une méthode qui tient sur une page',
  'les erreurs à ne pas reproduire',
];
const ENDINGS = [
  'Questions bienvenues.',
  'Un moment convivial suit la présentation.',
  'Aucun prérequis.',
  'Avec du code en direct.',
  'Les supports seront partagés après la soirée.',
  'Pour débutants comme confirmés.',
];

function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
}

/** The seeded draws every generator takes from: one stream, so the order of the generators fixes the corpus. */
interface Draws {
  next: () => number;
  pick: <T>(items: readonly T[]) => T;
  /** One sentence of a talk's or a page's text. */
  sentence: () => string;
  /** `sentences` sentences and a closing remark. */
  paragraph: (sentences: number) => string;
}

function draws(seed: number): Draws {
  const next = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const sentence = () =>
    `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(COMPLEMENTS)}, autour de ${pick(TOPICS)} et de ${pick(TECHS)}.`;
  const paragraph = (sentences: number) => Array.from({ length: sentences }, sentence).join(' ') + ` ${pick(ENDINGS)}`;
  return { next, pick, sentence, paragraph };
}

interface Slugged {
  slug: string;
}

function makeVenues({ next, pick }: Draws) {
  return Array.from({ length: 13 }, (_, i) => ({
    slug: `lieu-${i + 1}`,
    name: `${pick(['Salle', 'Atelier', 'Amphi', 'Tiers-lieu', 'Campus'])} ${pick(LAST_NAMES)} ${i + 1}`,
    address: `${1 + Math.floor(next() * 90)} rue ${pick(['des Volcans', 'Blatin', 'du Port', 'Montlosier', 'des Gras', 'Ballainvilliers'])}`,
    postcode: '63000',
    city: 'Clermont-Ferrand',
    latitude: 45.75 + next() * 0.05,
    longitude: 3.06 + next() * 0.06,
    accessNotes: 'Tram A, arrêt Jaude. Accessible en fauteuil roulant.',
  }));
}

function makeSponsors({ pick }: Draws) {
  return Array.from({ length: 9 }, (_, i) => ({
    slug: `sponsor-${i + 1}`,
    name: `${pick(LAST_NAMES)} ${pick(['Numérique', 'Logiciels', 'Conseil', 'Labs', 'Informatique'])} ${i + 1}`,
    url: `https://sponsor-${i + 1}.example.org`,
    tier: i === 0 ? 'main' : i < 5 ? 'partner' : 'supporter',
    since: '2015-01-01',
  }));
}

function makeGroups({ paragraph }: Draws) {
  return ['PHP', 'JS'].map((tech) => ({
    slug: `clermontech-${tech.toLowerCase()}`,
    name: `Clermont'ech ${tech}`,
    technology: tech,
    description: paragraph(3),
  }));
}

function makeSpeakers({ pick, paragraph }: Draws, count: number) {
  return Array.from({ length: count }, (_, i) => {
    const name = `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`;
    return {
      slug: `${slugify(name)}-${i + 1}`,
      name,
      bio: paragraph(2),
    };
  });
}

/** One event a week back from `newest`, mostly API Hours, numbered in order. */
function makeEvents(
  { next, pick, sentence, paragraph }: Draws,
  count: number,
  newest: number,
  hosts: { venues: Slugged[]; groups: Slugged[]; sponsors: Slugged[] },
) {
  let apiHour = 0;
  return Array.from({ length: count }, (_, i) => {
    const roll = next();
    const kind =
      roll < 0.7 ? 'api-hour' : roll < 0.82 ? 'group' : roll < 0.92 ? 'workshop' : roll < 0.96 ? 'devcamp' : 'other';
    const startsAt = new Date(newest - (count - 1 - i) * 7 * 86_400_000);
    const topic = pick(TECHS);
    const title =
      kind === 'api-hour'
        ? `API Hour #${++apiHour}`
        : `${kind === 'workshop' ? 'Workshop' : kind === 'devcamp' ? 'Devcamp' : 'Soirée'} ${topic} ${i + 1}`;
    const slug = kind === 'api-hour' ? `api-hour-${apiHour}` : `${slugify(title)}`;
    return {
      slug,
      title,
      kind,
      ...(kind === 'api-hour' ? { number: apiHour } : {}),
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3 * 3_600_000).toISOString(),
      venue: pick(hosts.venues).slug,
      ...(kind === 'group' ? { group: pick(hosts.groups).slug } : {}),
      sponsors: next() < 0.5 ? [pick(hosts.sponsors).slug] : [],
      capacity: 80,
      registrationUrl: `https://www.meetup.com/clermontech/events/${100000 + i}/`,
      summary: sentence(),
      description: `${paragraph(3)}\n\n${paragraph(2)}`,
      legacyPath: `/${kind === 'api-hour' ? 'api-hours' : 'events'}/${slug}.html`,
    };
  });
}

/** Talks go to API Hours first (as in the fixture), three or four per evening. */
function makeTalks(
  { next, pick, paragraph }: Draws,
  count: number,
  events: (Slugged & { kind: string })[],
  speakers: Slugged[],
) {
  const hosts = events.filter((event) => event.kind === 'api-hour');
  return Array.from({ length: count }, (_, i) => {
    const event = (hosts.length ? hosts : events)[Math.floor((i * (hosts.length || events.length)) / count)]!;
    const title = pick(TITLE_PATTERNS)(pick(TECHS), pick(TOPICS));
    const first = speakers[(i * 7) % speakers.length]!;
    const second = next() < 0.12 ? speakers[(i * 13 + 5) % speakers.length] : undefined;
    const slug = `${slugify(title)}-${i + 1}`;
    return {
      slug,
      title,
      abstract: `${paragraph(3)}\n\n- ${pick(COMPLEMENTS)}\n- ${pick(COMPLEMENTS)}`,
      event: event.slug,
      speakers: second && second !== first ? [first.slug, second.slug] : [first.slug],
      position: 1 + (i % 4),
      duration: pick([10, 15, 20, 30]),
      language: next() < 0.95 ? 'fr' : 'en',
      ...(next() < 0.3 ? { videoUrl: `https://www.youtube.com/watch?v=bench${String(i).padStart(6, '0')}` } : {}),
      ...(next() < 0.5 ? { slidesUrl: `https://slides.example.org/${slug}` } : {}),
      legacyPath: `/talks/${slug}.html`,
    };
  });
}

/** Posts three weeks apart back from `newest`. */
function makePosts({ pick, sentence, paragraph }: Draws, count: number, newest: number) {
  return Array.from({ length: count }, (_, i) => {
    const title = `${pick(['Retour sur', 'Bilan de', 'Annonce :', 'À propos de'])} ${pick(TOPICS)} ${i + 1}`;
    const slug = slugify(title);
    return {
      slug,
      title,
      excerpt: sentence(),
      body: Array.from({ length: 5 }, () => paragraph(4)).join('\n\n'),
      author: `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`,
      date: new Date(newest - i * 21 * 86_400_000).toISOString().slice(0, 10),
      language: 'fr',
      legacyPath: `/blog/${slug}.html`,
    };
  });
}

const PAGE_SLUGS = [
  'manifeste',
  'association',
  'tech-time',
  'code-de-conduite',
  'cowork',
  'devcamp-presentation',
  'workshops-presentation',
  'groupes-presentation',
  'mentions-legales',
  'contact',
  'faq',
];

function makePages({ sentence, paragraph }: Draws) {
  return PAGE_SLUGS.map((slug) => ({
    slug,
    title: slug.replace(/-/g, ' ').replace(/^./, (letter) => letter.toUpperCase()),
    summary: sentence(),
    body: `${paragraph(4)}\n\n${paragraph(4)}`,
  }));
}

const ROLES = ['president', 'vice-president', 'treasurer', 'secretary'];

/** The board: four officers, then board members and the supervisory council. */
function makeMembers({ pick }: Draws) {
  return Array.from({ length: 13 }, (_, i) => ({
    name: `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)} ${i + 1}`,
    role: ROLES[i] ?? (i < 9 ? 'board-member' : 'supervisory-council'),
    position: i,
  }));
}

function makeGlobal() {
  return {
    siteName: "Clermont'ech",
    tagline: 'La communauté tech de Clermont-Ferrand',
    contactEmail: 'bonjour@clermontech.example',
    socialLinks: [{ label: 'Mastodon', url: 'https://mastodon.example/@clermontech' }],
  };
}

/**
 * Builds a corpus of `scale` units of the fixture's shape (scale may be fractional for quick runs).
 * The generators draw from one stream in this order; changing the order changes every corpus.
 */
export function syntheticCorpus(scale: number, seed = 42): SyntheticCorpus {
  const draw = draws(seed);
  const count = (perUnit: number) => Math.max(1, Math.round(perUnit * scale));
  // One event a week back from next month, so the newest ones are upcoming.
  const newest = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() + 1, 3, 17, 30);

  const venues = makeVenues(draw);
  const sponsors = makeSponsors(draw);
  const groups = makeGroups(draw);
  const speakers = makeSpeakers(draw, count(FIXTURE_SHAPE.speakers));
  const events = makeEvents(draw, count(FIXTURE_SHAPE.events), newest, { venues, groups, sponsors });
  const talks = makeTalks(draw, count(FIXTURE_SHAPE.talks), events, speakers);
  const posts = makePosts(draw, count(FIXTURE_SHAPE.posts), newest);
  const pages = makePages(draw);
  const members = makeMembers(draw);
  return { venues, sponsors, groups, speakers, events, talks, posts, pages, members, global: makeGlobal() };
}
