import { useMemo, useState } from 'react';
import { Flex, Typography } from '@strapi/design-system';
import { useFetchClient, useForm, useNotification, useQueryParams } from '@strapi/strapi/admin';
import {
  buildValidParams,
  unstable_useDocument as useDocument,
  unstable_useDocumentActions as useDocumentActions,
  type DocumentActionComponent,
  type DocumentActionProps,
} from '@strapi/content-manager/strapi-admin';
import {
  eveningActionPath,
  type EveningAction,
  type EveningActionRefusal,
  type EveningActionResult,
} from '../../evenings/contracts';
import { formValuesToApiData } from './form-data';

export const EVENT = 'api::event.event';

interface Refusal {
  message: string;
  missing: string[];
}

const refusalOf = (error: unknown): Refusal => {
  const body = (error as { response?: { data?: EveningActionRefusal } }).response?.data;
  return {
    message: body?.error?.message ?? (error instanceof Error ? error.message : String(error)),
    missing: body?.error?.details.missing ?? [],
  };
};

/**
 * Saves the form first when it has unsaved changes (as Strapi's own "Publier" does), calls the
 * evening route, then reloads the document so its state badge follows.
 */
function useEveningAction({ model, documentId, collectionType }: DocumentActionProps, action: EveningAction) {
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { update } = useDocumentActions();
  // The edit view's own query (its params come from the URL, as in Strapi's useDoc): refetching it
  // refreshes the state badge and which actions apply (Dépublier la soirée once it is online).
  const [{ query }] = useQueryParams<Record<string, unknown>>();
  const params = useMemo(() => buildValidParams(query), [query]);
  const { refetch } = useDocument(
    { model, documentId, collectionType, params },
    { skip: !documentId || model !== EVENT },
  );
  const modified = useForm('EveningAction', ({ modified }) => modified);
  const getValues = useForm('EveningAction', ({ getValues }) => getValues);
  const validate = useForm('EveningAction', ({ validate }) => validate);
  const resetForm = useForm('EveningAction', ({ resetForm }) => resetForm);
  const isSubmitting = useForm('EveningAction', ({ isSubmitting }) => isSubmitting);
  const [running, setRunning] = useState(false);
  const [refusal, setRefusal] = useState<Refusal>();

  /** true when done (nothing more to show), false when the refusal dialog should open. */
  const run = async (): Promise<boolean> => {
    if (!documentId) return true;
    setRunning(true);
    try {
      if (modified) {
        const { errors } = await validate(true, { status: 'draft' });
        if (errors) {
          toggleNotification({
            type: 'danger',
            message: 'Le formulaire contient des erreurs : corrigez-les avant de publier la soirée.',
          });
          return true;
        }
        const values = getValues();
        const saved = await update(
          { collectionType, model, documentId },
          formValuesToApiData(values) as Record<string, unknown>,
        );
        if ('error' in saved) return true;
        resetForm(values);
      }
      const { data } = await post<EveningActionResult>(eveningActionPath(documentId, action));
      toggleNotification({ type: 'success', message: data.message, timeout: 8_000 });
      refetch();
      return true;
    } catch (error) {
      const found = refusalOf(error);
      if (found.missing.length === 0) {
        toggleNotification({ type: 'danger', message: found.message });
        return true;
      }
      setRefusal(found);
      return false;
    } finally {
      setRunning(false);
    }
  };
  return { run, running, refusal, busy: running || isSubmitting };
}

function MissingList({ refusal }: { refusal: Refusal | undefined }) {
  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-testid="evening-missing">
      <Typography>{refusal?.message}</Typography>
      <Typography tag="p">À compléter, puis cliquez à nouveau sur « Publier la soirée » :</Typography>
      <ul>
        {(refusal?.missing ?? []).map((line) => (
          <li key={line}>
            <Typography>• {line}</Typography>
          </li>
        ))}
      </ul>
    </Flex>
  );
}

/** "Publier la soirée": the event, its talks and their speakers, in one click and one site build. */
export const PublishEveningAction: DocumentActionComponent = (props) => {
  const { run, busy, refusal } = useEveningAction(props, 'publish');
  if (props.model !== EVENT || !props.documentId || props.activeTab === 'published') return null;
  return {
    label: 'Publier la soirée',
    variant: 'default',
    loading: busy,
    disabled: busy,
    onClick: async () => run(),
    dialog: { type: 'modal', title: 'La soirée n’est pas encore publiée', content: <MissingList refusal={refusal} /> },
  };
};
PublishEveningAction.position = 'panel';

/** "Dépublier la soirée": takes the event and its programme off the site together, after a confirmation. */
export const UnpublishEveningAction: DocumentActionComponent = (props) => {
  const { run, busy } = useEveningAction(props, 'unpublish');
  const published =
    props.meta?.availableStatus.some((version) => version.publishedAt !== null) || props.document?.publishedAt;
  if (props.model !== EVENT || !props.documentId || !published) return null;
  return {
    label: 'Dépublier la soirée',
    variant: 'danger-light',
    disabled: busy,
    dialog: {
      type: 'dialog',
      title: 'Dépublier la soirée ?',
      content:
        'L’événement, ses talks et ceux de leurs speakers qui ne parlent à aucune autre soirée publiée quittent le site. Les brouillons restent.',
      confirmLabel: 'Dépublier la soirée',
      variant: 'danger',
      onConfirm: async () => {
        await run();
      },
    },
  };
};
UnpublishEveningAction.position = 'panel';
