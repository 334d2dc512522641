/**
 * How each content type looks in the admin for the association's volunteers: French labels,
 * one-line hints where a field is not obvious, list columns that identify an entry at a glance,
 * the field that names an entry in relation pickers, and the default order of the list.
 */
export interface FieldView {
  label: string;
  hint?: string;
  /** false: shown but not changeable in the edit view (the code keeps it right). */
  editable?: boolean;
  /** false: not shown in the edit view at all. */
  visible?: boolean;
}

export interface ContentTypeView {
  /** Shown in relation pickers and as the entry's title. */
  mainField: string;
  list: string[];
  sortBy: string;
  sortOrder: 'ASC' | 'DESC';
  fields: Record<string, FieldView>;
}

const legacyPath: FieldView = {
  label: 'Ancienne adresse',
  hint: 'Adresse sur l’ancien site (ex. /api-hours/api-hour-72.html) ; elle redirigera ici. Laisser vide sinon.',
};
const slug: FieldView = {
  label: 'Identifiant d’URL',
  hint: 'Généré depuis le titre ; apparaît dans l’adresse de la page.',
};
const links: FieldView = { label: 'Liens', hint: 'Site, Mastodon, GitHub, LinkedIn…' };
const language: FieldView = { label: 'Langue' };

export const adminViews: Record<string, ContentTypeView> = {
  'api::event.event': {
    mainField: 'title',
    list: ['number', 'title', 'startsAt', 'kind', 'venue'],
    sortBy: 'startsAt',
    sortOrder: 'DESC',
    fields: {
      title: { label: 'Titre', hint: 'Par exemple « API Hour #73 ».' },
      slug,
      kind: { label: 'Type d’événement' },
      number: { label: 'Numéro', hint: 'Le numéro de l’API Hour (#73) ; laisser vide pour les autres événements.' },
      startsAt: { label: 'Début', hint: 'Date et heure de début, heure de Paris.' },
      endsAt: {
        label: 'Fin',
        hint: 'Heure de Paris ; facultatif. Sur plusieurs jours : la date et l’heure de fin du dernier jour.',
      },
      eventStatus: {
        label: 'Statut',
        hint: 'prevu ; annule (bandeau « Annulé ») ; reporte (« Reporté », date à confirmer) ; en_ligne (passé en ligne : « En ligne »).',
      },
      venue: { label: 'Lieu' },
      onlineUrl: { label: 'Lien de diffusion', hint: 'Le direct ou la visio, montré jusqu’à la fin de l’événement.' },
      replayUrl: {
        label: 'Lien du replay',
        hint: 'La vidéo de la soirée, montrée ensuite (« Revoir la soirée ») ; pas l’accueil de la chaîne.',
      },
      capacity: { label: 'Nombre de places' },
      admission: {
        label: 'Entrée',
        hint: 'gratuite ou payante ; laisser vide si on ne sait pas : la page n’en dit alors rien.',
      },
      price: {
        label: 'Tarif',
        hint: 'Si l’entrée est payante : montant et conditions, ex. « 150 € les trois jours, 50 € étudiants ».',
      },
      registrationUrl: {
        label: 'Lien d’inscription',
        hint: 'Mobilizon, Eventbrite, Meetup… Masqué automatiquement une fois l’événement passé.',
      },
      registrationMode: {
        label: 'Inscriptions',
        hint: 'aucune ; lien (le « Lien d’inscription » ci-dessus) ; site (formulaire sur la page, places comptées). Vide : lien s’il y en a un.',
      },
      registrationOpensAt: { label: 'Ouverture des inscriptions', hint: 'Heure de Paris ; vide : dès la publication.' },
      registrationClosesAt: {
        label: 'Clôture des inscriptions',
        hint: 'Heure de Paris ; vide : au début de l’événement.',
      },
      waitingList: {
        label: 'Liste d’attente',
        hint: 'Une fois complet, les suivants attendent une place libérée (sinon : « Complet »).',
      },
      summary: { label: 'Résumé', hint: 'Une ou deux phrases, affichées dans les listes et l’annonce.' },
      description: { label: 'Description' },
      talks: {
        label: 'Programme',
        hint: 'Les talks de la soirée ; leur ordre vient du champ « Position » de chaque talk.',
      },
      group: { label: 'Groupe', hint: 'Pour une soirée de groupe (clermontech.php…).' },
      photosUrl: { label: 'Album photos', hint: 'Lien vers l’album (Flickr…).' },
      cover: { label: 'Image de couverture' },
      sponsors: { label: 'Sponsors de l’événement' },
      legacyPath,
    },
  },
  'api::talk.talk': {
    mainField: 'title',
    list: ['title', 'speakers', 'event', 'position'],
    sortBy: 'createdAt',
    sortOrder: 'DESC',
    fields: {
      title: { label: 'Titre' },
      slug,
      abstract: { label: 'Résumé du talk' },
      speakers: { label: 'Speakers' },
      event: { label: 'Événement' },
      position: { label: 'Position', hint: 'Ordre de passage dans le programme : 1, 2, 3…' },
      duration: { label: 'Durée (minutes)' },
      slidesUrl: { label: 'Lien des slides' },
      slidesFile: { label: 'Fichier des slides', hint: 'Si les slides ne sont pas en ligne ailleurs.' },
      videoUrl: { label: 'Lien de la vidéo', hint: 'YouTube, Vimeo… La vidéo ne se charge que si le lecteur clique.' },
      videoStart: {
        label: 'Début de la vidéo (secondes)',
        hint: 'Si le talk commence au milieu d’une vidéo de la soirée.',
      },
      language,
      legacyPath,
    },
  },
  'api::speaker.speaker': {
    mainField: 'name',
    list: ['name', 'talks'],
    sortBy: 'name',
    sortOrder: 'ASC',
    fields: {
      name: { label: 'Nom' },
      slug,
      bio: { label: 'Biographie' },
      photo: { label: 'Photo' },
      links,
      talks: { label: 'Talks' },
    },
  },
  'api::venue.venue': {
    mainField: 'name',
    list: ['name', 'address', 'city'],
    sortBy: 'name',
    sortOrder: 'ASC',
    fields: {
      name: { label: 'Nom du lieu' },
      slug,
      address: { label: 'Adresse', hint: 'Numéro et rue.' },
      postcode: { label: 'Code postal' },
      city: { label: 'Ville' },
      latitude: { label: 'Latitude', hint: 'Pour la carte OpenStreetMap, ex. 45.7772.' },
      longitude: { label: 'Longitude', hint: 'Ex. 3.0870.' },
      accessNotes: { label: 'Accès', hint: 'Transports, étage, accessibilité…' },
      events: { label: 'Événements' },
    },
  },
  'api::post.post': {
    mainField: 'title',
    list: ['title', 'date', 'author'],
    sortBy: 'date',
    sortOrder: 'DESC',
    fields: {
      title: { label: 'Titre' },
      slug,
      excerpt: { label: 'Chapô', hint: 'Une ou deux phrases, affichées dans les listes et le flux.' },
      body: { label: 'Texte' },
      cover: { label: 'Image de couverture' },
      author: { label: 'Auteur ou autrice' },
      date: { label: 'Date de l’article', hint: 'La date affichée, distincte de la date de publication dans l’admin.' },
      language,
      legacyPath,
    },
  },
  'api::sponsor.sponsor': {
    mainField: 'name',
    list: ['name', 'tier', 'since', 'until'],
    sortBy: 'name',
    sortOrder: 'ASC',
    fields: {
      name: { label: 'Nom' },
      slug,
      logo: { label: 'Logo' },
      url: { label: 'Site web' },
      tier: { label: 'Niveau' },
      since: { label: 'Sponsor depuis' },
      until: { label: 'Jusqu’au', hint: 'Laisser vide si le sponsor est actuel.' },
      events: { label: 'Événements soutenus' },
    },
  },
  'api::group.group': {
    mainField: 'name',
    list: ['name', 'technology'],
    sortBy: 'name',
    sortOrder: 'ASC',
    fields: {
      name: { label: 'Nom', hint: 'Par exemple clermontech.php.' },
      slug,
      technology: { label: 'Technologie' },
      description: { label: 'Description' },
      logo: { label: 'Logo' },
      partners: { label: 'Organisations partenaires' },
      events: { label: 'Soirées du groupe' },
    },
  },
  'api::member.member': {
    mainField: 'name',
    list: ['name', 'role', 'position'],
    sortBy: 'position',
    sortOrder: 'ASC',
    fields: {
      name: { label: 'Nom' },
      role: { label: 'Rôle' },
      photo: { label: 'Photo' },
      links,
      position: { label: 'Ordre d’affichage', hint: 'Les plus petits nombres s’affichent en premier.' },
    },
  },
  'api::page.page': {
    mainField: 'title',
    list: ['title', 'slug'],
    sortBy: 'title',
    sortOrder: 'ASC',
    fields: {
      title: { label: 'Titre' },
      slug,
      summary: { label: 'Résumé', hint: 'Version courte, affichée par exemple sur l’accueil pour le manifeste.' },
      body: { label: 'Texte' },
      legacyPath,
    },
  },
  'api::global.global': {
    mainField: 'siteName',
    list: ['siteName'],
    sortBy: 'id',
    sortOrder: 'ASC',
    fields: {
      siteName: { label: 'Nom du site' },
      tagline: { label: 'Slogan' },
      contactEmail: { label: 'E-mail de contact' },
      talkProposalEmail: { label: 'E-mail des propositions de talks' },
      logo: {
        label: 'Logo',
        hint: 'En tête et en pied de chaque page. PNG ou JPEG, fond transparent de préférence ; sans logo, le nom du site s’affiche.',
      },
      mascot: {
        label: 'Mascotte',
        hint: 'L’ornithorynque, affiché dans le pied de page et sur l’accueil. PNG ou JPEG, carré de préférence.',
      },
      socialLinks: { label: 'Réseaux sociaux' },
      announcement: { label: 'Bannière d’annonce', hint: 'Affichée en haut du site jusqu’à la date indiquée.' },
      seo: { label: 'Référencement par défaut' },
    },
  },
  'api::proposal.proposal': {
    mainField: 'title',
    list: ['title', 'speakerName', 'format', 'reviewStatus', 'votes', 'wantsMentor', 'createdAt'],
    sortBy: 'createdAt',
    sortOrder: 'DESC',
    fields: {
      title: { label: 'Titre' },
      abstract: { label: 'Résumé' },
      format: { label: 'Format', hint: 'court : 10–15 min ; long : 25–30 min ; atelier.' },
      speakerName: { label: 'Speaker' },
      email: { label: 'E-mail', hint: 'Pour répondre à la personne ; jamais publié.' },
      links: { label: 'Liens', hint: 'Un par ligne, tels qu’envoyés.' },
      bio: { label: 'Bio' },
      wantsMentor: { label: 'Souhaite un mentor' },
      reviewStatus: {
        label: 'Statut',
        hint: 'recue → en_discussion → acceptee ou refusee ; programmee une fois le talk placé dans un événement.',
      },
      // Counted and shown by the « Votes des membres » panel; a number field here could only go stale.
      votes: { label: 'Votes', visible: false },
      voters: { label: 'Votants', visible: false },
      notes: { label: 'Notes internes', hint: 'Visibles des seuls membres, jamais envoyées à la personne.' },
      talk: { label: 'Talk', hint: 'Créé par « Transformer en talk » une fois la proposition acceptée.' },
    },
  },
  'api::registration.registration': {
    mainField: 'name',
    list: ['name', 'registrationStatus', 'eventDocumentId', 'firstTime', 'createdAt'],
    sortBy: 'createdAt',
    sortOrder: 'DESC',
    fields: {
      eventDocumentId: { label: 'Événement (identifiant)', editable: false },
      registrationStatus: {
        label: 'Statut',
        hint: 'pending : lien pas encore suivi ; confirmed ; waiting (liste d’attente) ; cancelled ; present (venu·e).',
      },
      name: { label: 'Nom' },
      email: { label: 'E-mail', hint: 'Jamais publié ; effacé après l’événement.' },
      firstTime: { label: 'Première fois' },
      accessibilityNeeds: { label: 'Besoins d’accessibilité' },
      waitingSince: { label: 'En attente depuis', editable: false },
      confirmedAt: { label: 'Confirmée le', editable: false },
      cancelledAt: { label: 'Annulée le', editable: false },
      presentAt: { label: 'Présent·e à', editable: false },
      reminderSentAt: { label: 'Rappel envoyé le', editable: false },
      anonymisedAt: { label: 'Anonymisée le', editable: false },
      // Kept right by the code (e-mails still to send after a failure); nothing for a volunteer to change.
      pendingMails: { label: 'E-mails à envoyer', visible: false },
      mailPending: { label: 'E-mail en attente', visible: false },
    },
  },
};
