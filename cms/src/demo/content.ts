/**
 * Demo content for a fresh installation: written for this project, in French, fictional where it
 * names people and places. Dates are relative to the day of seeding so that "the next API Hour"
 * is always upcoming on a new machine.
 */
import type { EventKind } from '@clermontech/config';
import { parisDateTime, shiftDays } from './paris-time';

export interface DemoVenue {
  slug: string;
  name: string;
  address: string;
  postcode: string;
  city: string;
  latitude: number;
  longitude: number;
  accessNotes?: string;
}

export interface DemoSpeaker {
  slug: string;
  name: string;
  bio: string;
  links: { label: string; url: string }[];
}

export interface DemoTalk {
  slug: string;
  title: string;
  abstract: string;
  speakers: string[];
  duration: number;
  slidesUrl?: string;
  videoUrl?: string;
  language?: 'fr' | 'en';
}

export interface DemoEvent {
  slug: string;
  title: string;
  kind: EventKind;
  number?: number;
  startsAt: Date;
  durationHours: number;
  /** Over several days: the end of the last day (durationHours would have to count the nights). */
  endsAt?: Date;
  eventStatus?: 'prevu' | 'annule' | 'reporte' | 'en_ligne';
  venue?: string;
  group?: string;
  capacity?: number;
  registrationUrl?: string;
  /** Registrations on the site (the form on the event page); the others use registrationUrl or nothing. */
  registrationMode?: 'aucune' | 'lien' | 'site';
  onlineUrl?: string;
  replayUrl?: string;
  photosUrl?: string;
  admission?: 'gratuite' | 'payante';
  price?: string;
  summary: string;
  description: string;
  talks: DemoTalk[];
  sponsors: string[];
}

export const venues: DemoVenue[] = [
  {
    slug: 'la-fabrique-des-puys',
    name: 'La Fabrique des Puys',
    address: '14 rue des Volcans',
    postcode: '63000',
    city: 'Clermont-Ferrand',
    latitude: 45.7772,
    longitude: 3.087,
    accessNotes: 'Tram A, arrêt Jaude. Salle au rez-de-chaussée, accessible en fauteuil roulant.',
  },
  {
    slug: 'atelier-numerique-des-carmes',
    name: 'Atelier numérique des Carmes',
    address: '3 place des Carmes',
    postcode: '63000',
    city: 'Clermont-Ferrand',
    latitude: 45.7797,
    longitude: 3.0957,
    accessNotes: 'Entrée côté cour, deuxième étage avec ascenseur.',
  },
  {
    slug: 'campus-des-cezeaux-amphi-b',
    name: 'Campus des Cézeaux — amphi B',
    address: '1 avenue des Landais',
    postcode: '63170',
    city: 'Aubière',
    latitude: 45.7597,
    longitude: 3.1106,
  },
];

export const speakers: DemoSpeaker[] = [
  {
    slug: 'camille-roche',
    name: 'Camille Roche',
    bio: 'Développeuse backend, Camille passe ses journées entre files de messages et bases de données. Elle aime les systèmes qui tombent en panne proprement.',
    links: [{ label: 'Site', url: 'https://example.org/camille' }],
  },
  {
    slug: 'yanis-morel',
    name: 'Yanis Morel',
    bio: 'Intégrateur web depuis dix ans, Yanis milite pour des pages légères et accessibles à toutes et tous.',
    links: [{ label: 'Mastodon', url: 'https://mastodon.example/@yanis' }],
  },
  {
    slug: 'lea-fabre',
    name: 'Léa Fabre',
    bio: 'Administratrice système le jour, bidouilleuse d’objets connectés le soir.',
    links: [{ label: 'GitHub', url: 'https://github.com/example-lea' }],
  },
  {
    slug: 'thomas-besse',
    name: 'Thomas Besse',
    bio: 'Thomas enseigne la programmation fonctionnelle et prétend que tout problème est un fold.',
    links: [],
  },
  {
    slug: 'ines-vidal',
    name: 'Inès Vidal',
    bio: 'Product designer, Inès s’intéresse à la façon dont les équipes prennent leurs décisions.',
    links: [{ label: 'LinkedIn', url: 'https://www.linkedin.com/in/example-ines' }],
  },
];

export const groups = [
  {
    slug: 'clermontech-php',
    name: 'clermontech.php',
    technology: 'PHP',
    description:
      'Le groupe **clermontech.php** réunit celles et ceux qui écrivent du PHP, de Symfony aux scripts du quotidien. Une soirée par trimestre : un sujet, une démo, des questions.',
    partners: [{ label: 'AFUP', url: 'https://afup.org' }],
  },
  {
    slug: 'clermontech-js',
    name: 'clermontech.js',
    technology: 'JavaScript',
    description:
      'Le groupe **clermontech.js** parle de JavaScript côté navigateur comme côté serveur, sans oublier TypeScript et les outils qui vont avec.',
    partners: [],
  },
];

export const sponsors = [
  {
    slug: 'volcans-logiciels',
    name: 'Volcans Logiciels',
    url: 'https://example.com/volcans',
    tier: 'main',
    since: '2019-01-01',
  },
  { slug: 'atelier-dome', name: 'Atelier Dôme', url: 'https://example.com/dome', tier: 'partner', since: '2021-09-01' },
  {
    slug: 'coop-auvergne-web',
    name: 'Coop Auvergne Web',
    url: 'https://example.com/coop',
    tier: 'supporter',
    since: '2023-03-01',
  },
  {
    slug: 'basalte-hosting',
    name: 'Basalte Hosting',
    url: 'https://example.com/basalte',
    tier: 'partner',
    since: '2015-01-01',
    until: '2020-12-31',
  },
  {
    slug: 'pixel-sancy',
    name: 'Pixel Sancy',
    url: 'https://example.com/sancy',
    tier: 'supporter',
    since: '2016-06-01',
    until: '2019-06-30',
  },
] as const;

export const members = [
  { name: 'Claire Dumas', role: 'president', position: 1 },
  { name: 'Hugo Lemaire', role: 'vice-president', position: 2 },
  { name: 'Sarah Benali', role: 'treasurer', position: 3 },
  { name: 'Maxime Perrin', role: 'secretary', position: 4 },
  { name: 'Nadia Courtial', role: 'board-member', position: 5 },
  { name: 'Julien Faure', role: 'supervisory-council', position: 6 },
  { name: 'Émilie Chassagne', role: 'supervisory-council', position: 7 },
] as const;

export const pages = [
  {
    slug: 'manifeste',
    title: 'Manifeste',
    legacyPath: '/manifeste.html',
    summary:
      'Clermont’ech fait se rencontrer les gens qui font l’informatique à Clermont-Ferrand : des soirées gratuites, ouvertes à toutes et tous, où l’on partage ce que l’on sait et ce que l’on cherche encore.',
    body: `## Pourquoi nous existons

Clermont’ech est née en 2013 d’une envie simple : que les développeuses, développeurs, admins, designers et curieux de la région se croisent ailleurs que sur un ticket.

## Ce qui compte pour nous

- **L’ouverture** : nos événements sont gratuits et ouverts à toutes et tous, débutants comme experts.
- **L’indépendance** : nos sponsors nous aident à payer les lieux et les pizzas, jamais à choisir les sujets.
- **Le respect** : chaque personne est accueillie avec bienveillance, comme le précise notre [code de conduite](/code-de-conduite/).
- **Le partage** : une première présentation est toujours la bienvenue, et nous aidons celles et ceux qui se lancent.`,
  },
  {
    slug: 'code-de-conduite',
    title: 'Code de conduite',
    legacyPath: '/code-of-conduct.html',
    summary: 'Les règles simples qui permettent à chacune et chacun de se sentir bien à nos événements.',
    body: `Clermont’ech s’engage à offrir une expérience sans harcèlement à toutes les personnes qui participent à ses événements, quels que soient leur genre, leur orientation, leur handicap, leur apparence, leur origine ou leur religion.

## Ce que nous attendons

- Être attentif aux autres et à leurs limites.
- Critiquer des idées, jamais des personnes.
- Laisser la parole, surtout à celles et ceux qui la prennent pour la première fois.

## En cas de problème

Adressez-vous à un membre du bureau pendant l’événement ou écrivez à [hello@clermontech.org](mailto:hello@clermontech.org). Chaque signalement est traité avec discrétion.`,
  },
  {
    slug: 'association',
    title: 'L’association',
    legacyPath: '/association.html',
    summary: 'Une association loi 1901, animée par des bénévoles.',
    body: `Clermont’ech est une association loi 1901 fondée en 2013. Elle est animée par un bureau de bénévoles et suivie par un conseil de surveillance.

L’adhésion n’est pas nécessaire pour venir aux événements : il suffit de s’inscrire. Pour aider à les organiser, écrivez-nous !`,
  },
  {
    slug: 'tech-time',
    title: 'Tech time',
    legacyPath: '/tech-time.html',
    summary: 'Des rendez-vous informels pour parler technique autour d’un café ou d’un déjeuner.',
    body: `Le **code & coffee** a lieu un matin par mois avant le travail ; le **déj dev** réunit celles et ceux qui veulent parler technique à la pause de midi. Pas de programme, pas d’inscription : venez comme vous êtes.`,
  },
];

export const posts = [
  {
    slug: 'bienvenue-sur-le-nouveau-site',
    title: 'Bienvenue sur le nouveau site',
    author: 'Le bureau',
    daysAgo: 10,
    excerpt:
      'Un nouveau site, toujours les mêmes valeurs : plus simple à mettre à jour pour les bénévoles, plus rapide pour vous.',
    body: `Après de longues années de bons et loyaux services, notre ancien site laisse la place à celui-ci.

Les bénévoles publient désormais les événements depuis une interface d’administration : fini les fichiers à modifier à la main. Toutes les anciennes adresses continuent de fonctionner.`,
  },
  {
    slug: 'appel-a-speakers-saison-prochaine',
    title: 'Appel à speakers pour la saison prochaine',
    author: 'Hugo Lemaire',
    daysAgo: 40,
    excerpt: 'Vous avez un sujet qui vous passionne ? Dix minutes suffisent pour le partager.',
    body: `Chaque API Hour accueille trois ou quatre talks courts. Que ce soit votre première présentation ou la centième, **nous vous aidons à la préparer** : relecture, répétition, conseils.

Envoyez-nous un titre et quelques lignes de résumé, nous vous répondons vite.`,
  },
  {
    slug: 'retour-sur-le-workshop-accessibilite',
    title: 'Retour sur le workshop accessibilité',
    author: 'Nadia Courtial',
    daysAgo: 75,
    excerpt: 'Une journée pour rendre nos pages utilisables par toutes et tous.',
    body: `Vingt personnes ont passé la journée à tester leurs sites au clavier et au lecteur d’écran.

## Ce que nous avons appris

1. Un bon contraste se vérifie, il ne se devine pas.
2. Les titres de page structurent la navigation.
3. Un lien « cliquez ici » ne dit rien à personne.`,
  },
];

/** Events with their programmes, relative to `now`. */
export function demoEvents(now: Date): DemoEvent[] {
  const upcoming = parisDateTime(shiftDays(now, 21), 19, 0);
  return [
    {
      slug: 'api-hour-73',
      title: 'API Hour #73',
      kind: 'api-hour',
      number: 73,
      startsAt: upcoming,
      durationHours: 2.5,
      venue: 'la-fabrique-des-puys',
      capacity: 50,
      admission: 'gratuite',
      registrationUrl: 'https://mobilizon.example/events/api-hour-73',
      summary: 'Trois talks sur les files de messages, le web léger et la domotique libre.',
      description:
        'Rendez-vous à **19h** à La Fabrique des Puys pour trois talks courts, suivis d’un moment d’échange autour d’un buffet. L’entrée est gratuite, l’inscription conseillée : la salle est limitée à **50 personnes**.',
      sponsors: ['volcans-logiciels', 'atelier-dome'],
      talks: [
        {
          slug: 'files-de-messages-sans-douleur',
          title: 'Des files de messages sans douleur',
          abstract:
            'Relances, doublons, messages empoisonnés : comment concevoir des consommateurs qui survivent à la réalité de la production.',
          speakers: ['camille-roche'],
          duration: 15,
        },
        {
          slug: 'un-site-web-de-14-ko',
          title: 'Un site web de 14 Ko',
          abstract: 'Ce que l’on gagne à tenir dans le premier aller-retour TCP, et comment y parvenir sans se priver.',
          speakers: ['yanis-morel'],
          duration: 15,
        },
        {
          slug: 'ma-maison-sans-nuage',
          title: 'Ma maison sans nuage',
          abstract:
            'Piloter son chauffage et ses volets avec du logiciel libre, sans envoyer ses données à l’autre bout du monde.',
          speakers: ['lea-fabre'],
          duration: 15,
        },
      ],
    },
    {
      slug: 'api-hour-72',
      title: 'API Hour #72',
      kind: 'api-hour',
      number: 72,
      startsAt: parisDateTime(shiftDays(now, -35), 19, 0),
      durationHours: 2.5,
      venue: 'atelier-numerique-des-carmes',
      capacity: 50,
      admission: 'gratuite',
      registrationUrl: 'https://mobilizon.example/events/api-hour-72',
      photosUrl: 'https://www.flickr.com/photos/example/albums/72',
      summary: 'Programmation fonctionnelle et décisions d’équipe.',
      description: 'Une soirée en deux talks, à l’Atelier numérique des Carmes.',
      sponsors: ['volcans-logiciels'],
      talks: [
        {
          slug: 'tout-est-un-fold',
          title: 'Tout est un fold',
          abstract: 'Une introduction joyeuse aux fonctions d’ordre supérieur, avec des exemples en TypeScript.',
          speakers: ['thomas-besse'],
          duration: 20,
          slidesUrl: 'https://example.org/slides/tout-est-un-fold.pdf',
          videoUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
        },
        {
          slug: 'decider-a-plusieurs',
          title: 'Décider à plusieurs sans s’épuiser',
          abstract: 'Retour d’expérience sur les décisions par consentement dans une équipe produit.',
          speakers: ['ines-vidal', 'camille-roche'],
          duration: 20,
        },
      ],
    },
    {
      slug: 'clermontech-php-symfony-en-douceur',
      title: 'clermontech.php : Symfony en douceur',
      kind: 'group',
      startsAt: parisDateTime(shiftDays(now, -60), 18, 30),
      durationHours: 2,
      venue: 'atelier-numerique-des-carmes',
      group: 'clermontech-php',
      capacity: 30,
      admission: 'gratuite',
      summary: 'Une soirée pour découvrir Symfony pas à pas.',
      description: 'Une démonstration en direct, puis des questions. Apportez votre ordinateur si vous voulez suivre.',
      sponsors: [],
      talks: [],
    },
    {
      slug: 'workshop-accessibilite',
      title: 'Workshop accessibilité',
      kind: 'workshop',
      startsAt: parisDateTime(shiftDays(now, -80), 9, 30),
      durationHours: 8,
      venue: 'campus-des-cezeaux-amphi-b',
      capacity: 20,
      admission: 'gratuite',
      summary: 'Une journée pour tester ses sites au clavier et au lecteur d’écran.',
      description: 'Atelier pratique : chacun vient avec un site à améliorer. Déjeuner offert par nos sponsors.',
      sponsors: ['coop-auvergne-web'],
      talks: [],
    },
    {
      slug: 'clermontech-php-php-8-5-en-pratique',
      title: 'clermontech.php : PHP 8.5 en pratique',
      kind: 'group',
      eventStatus: 'annule',
      startsAt: parisDateTime(shiftDays(now, 10), 18, 30),
      durationHours: 2,
      venue: 'atelier-numerique-des-carmes',
      group: 'clermontech-php',
      capacity: 30,
      admission: 'gratuite',
      registrationUrl: 'https://mobilizon.example/events/php-8-5',
      summary: 'Soirée annulée : l’intervenant ne peut pas venir. Elle sera reprogrammée à la rentrée.',
      description: 'Un tour des nouveautés de PHP 8.5 sur une application réelle, de la mise à jour aux tests.',
      sponsors: [],
      talks: [],
    },
    {
      slug: 'workshop-kubernetes-de-zero-a-la-production',
      title: 'Workshop Kubernetes : de zéro à la production',
      kind: 'workshop',
      startsAt: parisDateTime(shiftDays(now, 45), 9, 0),
      durationHours: 8,
      endsAt: parisDateTime(shiftDays(now, 47), 17, 30),
      venue: 'campus-des-cezeaux-amphi-b',
      capacity: 16,
      admission: 'payante',
      price: '150 € les trois jours (50 € pour les étudiants et les demandeurs d’emploi)',
      registrationUrl: 'https://mobilizon.example/events/workshop-kubernetes',
      summary: 'Trois jours pour déployer, surveiller et mettre à jour une application sur Kubernetes.',
      description:
        'Formation pratique en petit groupe, de 9h à 17h30 chaque jour : chacun repart avec son cluster et ses manifestes. Le prix couvre la salle, les machines et les déjeuners.',
      sponsors: ['coop-auvergne-web'],
      talks: [],
    },
    {
      slug: 'api-hour-74',
      title: 'API Hour #74',
      kind: 'api-hour',
      number: 74,
      startsAt: parisDateTime(shiftDays(now, 49), 19, 0),
      durationHours: 2.5,
      venue: 'la-fabrique-des-puys',
      capacity: 50,
      admission: 'gratuite',
      registrationMode: 'site',
      summary: 'La première API Hour où l’on s’inscrit directement sur le site, liste d’attente comprise.',
      description:
        'Programme en cours de construction : [proposez un talk](/proposer-un-talk/) ! La salle est limitée à **50 personnes** : inscrivez-vous sur cette page ; une place libérée passe aussitôt à la première personne en liste d’attente.',
      sponsors: [],
      talks: [],
    },
  ];
}

export const globalSettings = {
  siteName: 'Clermont’ech',
  tagline: 'La communauté tech de Clermont-Ferrand depuis 2013',
  contactEmail: 'hello@clermontech.org',
  talkProposalEmail: 'talks@clermontech.org',
  socialLinks: [
    { label: 'Mastodon', url: 'https://mastodon.example/@clermontech' },
    { label: 'GitHub', url: 'https://github.com/clermontech' },
  ],
  seo: {
    metaTitle: 'Clermont’ech',
    metaDescription: 'API Hours, groupes, workshops : la communauté tech de Clermont-Ferrand.',
  },
};

/** The banner announces the next API Hour until it has started. */
export function demoAnnouncement(now: Date) {
  const next = demoEvents(now)[0]!;
  return {
    text: `Inscriptions ouvertes pour l’${next.title} !`,
    url: `/api-hours/${next.slug}/`,
    showUntil: next.startsAt.toISOString(),
  };
}

/** Talk proposals waiting for the members, so the admin's proposal list isn't empty on a new install. */
export const proposals = [
  {
    title: 'Accessibilité : ce que les lecteurs d’écran nous apprennent',
    abstract:
      'Naviguer une journée entière avec un lecteur d’écran change la manière de construire une interface. Retour sur ce que j’ai corrigé dans nos formulaires, et sur les trois réflexes qui évitent la plupart des erreurs.',
    format: 'long',
    speakerName: 'Inès Chabrol',
    email: 'ines.chabrol@example.org',
    links: 'https://example.org/ines',
    bio: 'Développeuse front-end à Riom, bénévole dans une association de non-voyants.',
    wantsMentor: false,
    reviewStatus: 'en_discussion',
    notes: 'Plusieurs membres intéressés ; à caler avant l’été.',
  },
  {
    title: 'Mon premier talk : automatiser la serre du jardin partagé',
    abstract:
      'Un Raspberry Pi, trois capteurs et beaucoup d’essais ratés : comment le jardin partagé de mon quartier arrose ses tomates tout seul, et ce que j’ai appris sur l’électronique en partant de zéro.',
    format: 'court',
    speakerName: 'Théo Vialatte',
    email: 'theo.vialatte@example.org',
    links: '',
    bio: '',
    wantsMentor: true,
    reviewStatus: 'recue',
    notes: '',
  },
];
