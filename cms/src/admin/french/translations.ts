import { ENUM_LABELS } from './enum-labels';

/**
 * French for the admin's strings that Strapi 5.54 ships in English only, on the screens a volunteer
 * goes through to programme and publish an evening (login, lists, edit view, relation pop-ups,
 * publish dialogs, media library). Keys are Strapi's: the plugin's name, a dot, its own key.
 */
export const frenchOverrides: Record<string, string> = {
  // Enumeration options: « API Hour », « Français »… instead of `api-hour`, `fr`.
  ...ENUM_LABELS,
  // Content manager: publishing with drafts linked.
  'content-manager.popUpWarning.warning.has-draft-relations.title': 'Confirmation',
  'content-manager.popUpWarning.warning.has-draft-relations.message':
    '{count, plural, one {Ce contenu est lié à # brouillon, qui ne sera pas publié avec lui.} other {Ce contenu est lié à # brouillons, qui ne seront pas publiés avec lui.}} Pour un événement, utilisez plutôt « Publier la soirée ».',
  'content-manager.popUpWarning.warning.has-draft-m2m-relations.message':
    '{count, plural, one {# contenu lié est encore en brouillon : il apparaîtra sur le site quand il sera publié.} other {# contenus liés sont encore en brouillon : ils apparaîtront sur le site quand ils seront publiés.}}',
  'content-manager.popUpWarning.warning.has-draft-m2m-relations.additional':
    '{count, plural, one {# lien pointe} other {# liens pointent}} vers des brouillons, visibles une fois ceux-ci publiés.',
  'content-manager.popUpwarning.warning.bulk-has-draft-relations.message':
    '<b>{count, plural, one {# relation} other {# relations}} sur {entities, plural, one {# contenu} other {# contenus}}</b> {count, plural, one {pointe} other {pointent}} vers des brouillons pas encore publiés. ',
  'content-manager.popUpWarning.warning.unpublish': 'Si vous ne publiez pas ce contenu, il redeviendra un brouillon.',
  'content-manager.popUpWarning.warning.unpublish-question': 'Voulez-vous vraiment ne pas le publier ?',
  'content-manager.success.records.publish': 'Publié.',
  'content-manager.listView.validation.errors.message':
    'Vérifiez que tous les champs sont valides avant de publier (champs obligatoires, longueurs…).',
  // The bulk "Publish entries" dialog.
  'content-manager.containers.list.selectedEntriesModal.title': 'Publier les contenus',
  'content-manager.containers.list.selectedEntriesModal.selectedCount.publish':
    '<b>{publishedCount}</b> déjà {publishedCount, plural, =0 {publié} one {publié} other {publiés}}. <b>{draftCount}</b> prêt(s) à publier. <b>{withErrorsCount}</b> à compléter.',
  'content-manager.containers.list.selectedEntriesModal.selectedCount.unpublish':
    '<b>{draftCount}</b> déjà {draftCount, plural, =0 {dépublié} one {dépublié} other {dépubliés}}. <b>{publishedCount}</b> prêt(s) à dépublier.',
  'content-manager.containers.list.filters.status': 'État',
  'content-manager.containers.List.statusFilter.draft': 'Brouillon (jamais publié)',
  'content-manager.containers.List.statusFilter.published': 'Publié (tous)',
  'content-manager.containers.List.statusFilter.publishedModified': 'Modifié depuis la publication',
  'content-manager.containers.List.statusFilter.publishedUnmodified': 'En ligne, sans modification',
  'content-manager.containers.edit.information.documentId.label': 'Identifiant du document',
  'content-manager.actions.copy-documentId.label': 'Copier l’identifiant du document',
  'content-manager.actions.copy-documentId.success': 'Identifiant copié',
  'content-manager.containers.edit.information.last-published.value':
    '{time}{isAnonymous, select, true {} other { par {author}}}',
  'content-manager.containers.edit.information.last-draft.value':
    '{time}{isAnonymous, select, true {} other { par {author}}}',
  // Edit view.
  'content-manager.plugin.name': 'Gestion du contenu',
  'content-manager.preview.header.close': 'Fermer l’aperçu',
  'preview.copy.label': 'Copier le lien de l’aperçu',
  'content-manager.form.Input.hint.character.unit': '{maxValue, plural, one { caractère} other { caractères}}',
  'content-manager.preview.panel.title': 'Aperçu',
  'content-manager.preview.panel.button': 'Ouvrir l’aperçu',
  'search.placeholder': 'Rechercher',
  // The lists' search field: its button and the button that empties it.
  'global.search': 'Rechercher',
  clearLabel: 'Effacer',
  // Field errors, shown under the field they name: plainer than Strapi's « La valeur est trop longue 200. ».
  'components.Input.error.validation.required': 'À remplir.',
  'components.Input.error.validation.maxLength': 'Trop long : {max} caractères au plus.',
  'components.Input.error.validation.minLength': 'Trop court : au moins {min} caractères.',
  'components.Input.error.validation.max': 'Trop grand : {max} au plus.',
  'components.Input.error.validation.min': 'Trop petit : au moins {min}.',
  'components.Input.error.validation.regex': 'Pas au format attendu (voir l’aide sous le champ).',
  'components.Input.error.validation.unique': 'Déjà utilisé par un autre contenu : choisissez-en un autre.',
  // Relation pop-ups.
  'content-manager.components.RelationInputModal.modal-title': 'Modifier le contenu lié',
  'content-manager.components.RelationInputModal.button-fullpage': 'Ouvrir en pleine page',
  'content-manager.components.RelationInputModal.confirmation-message':
    'Des modifications ne sont pas enregistrées. Fermer quand même ? Elles seront perdues.',
  'content-manager.relation.create': 'Créer un contenu lié',
  'content-manager.preview.tabs.label': 'État de l’aperçu',
  // Home page and banners.
  'HomePage.addWidget.title': 'Ajouter un bloc',
  'HomePage.addWidget.button': 'Ajouter un bloc',
  'HomePage.addWidget.noWidgetsAvailable': 'Aucun bloc à ajouter',
  'HomePage.widget.delete': 'Supprimer',
  'HomePage.widget.drag': 'Déplacer',
  'HomePage.widget.no-permissions': 'Votre rôle ne permet pas de voir ce bloc',
  'app.components.MediaLibraryBanner.intro': 'Nouvelle médiathèque ',
  'app.components.MediaLibraryBanner.text': 'La documentation explique comment passer à la nouvelle version.',
  'app.components.MediaLibraryBanner.text.enabled': 'Vous utilisez la nouvelle version.',
  'app.components.MediaLibraryBanner.button': 'Documentation',
  'app.components.MediaLibraryBanner.button.enabled': 'En savoir plus',
  'app.components.MediaLibraryBanner.close': 'Fermer le bandeau. ',
  // Media library.
  'upload.header.search.placeholder': 'Rechercher',
  'upload.header.search-results': 'Résultats pour « {query} »',
};
