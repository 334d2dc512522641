import { useCallback, useEffect, useState } from 'react';
import { Box, Button, Flex, TextInput, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { ProblemLine } from '../ProblemLine';
import { usePanelCalls } from '../use-panel-calls';
import type { AttendeeRow, EventRegistrations } from '../../registrations/contracts';

const EVENT = 'api::event.event';

/** Accents and case don't matter at the door: "helene" finds "Hélène". */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Counts, CSV export and the door list of an event, beside its form. */
function EventRegistrationsPanel({ documentId }: { documentId: string }) {
  const { get, post } = useFetchClient();
  const [state, setState] = useState<EventRegistrations>();
  const [search, setSearch] = useState('');
  const { busy, problem, load, act } = usePanelCalls<string | undefined>(undefined);
  const [newName, setNewName] = useState('');
  const [newEmail, setNewEmail] = useState('');

  const refresh = useCallback(
    () => load(async () => setState((await get<EventRegistrations>(`/event-registrations/events/${documentId}`)).data)),
    [documentId, get, load],
  );

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const exportCsv = () =>
    load(async () => {
      const { data } = await get(`/event-registrations/events/${documentId}/export.csv`, { responseType: 'blob' });
      const link = document.createElement('a');
      link.href = URL.createObjectURL(data);
      link.download = 'inscriptions.csv';
      link.click();
      URL.revokeObjectURL(link.href);
    });

  const toggle = (row: AttendeeRow) =>
    act(async () => {
      await post(`/event-registrations/${row.documentId}/present`, { present: row.status !== 'present' });
      await refresh();
    }, row.documentId);

  const addByHand = () =>
    act(async () => {
      await post(`/event-registrations/events/${documentId}`, { name: newName, email: newEmail });
      setNewName('');
      setNewEmail('');
      await refresh();
    }, 'new');

  if (problem && !state) {
    return <ProblemLine problem={problem} />;
  }
  if (!state) return <Typography variant="omega">Inscriptions…</Typography>;
  const { counts, capacity } = state;
  const expected = state.registrations.filter((row) => row.status === 'confirmed' || row.status === 'present');
  const shown =
    search.trim() === ''
      ? expected
      : expected.filter((row) => fold(`${row.name ?? ''} ${row.email ?? ''}`).includes(fold(search.trim())));

  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%">
      <Typography variant="omega" data-testid="registration-counts">
        {`${counts.confirmed + counts.present}${capacity === null ? '' : ` / ${capacity}`} confirmé·es, dont ${counts.present} présent·es ; ${counts.waiting} en attente ; ${counts.cancelled} annulé·es ; ${counts.pending} non confirmé·es`}
      </Typography>
      <Button variant="secondary" onClick={() => void exportCsv()} fullWidth>
        Exporter en CSV
      </Button>
      <TextInput
        aria-label="Chercher un nom (liste à l’entrée)"
        placeholder="Chercher un nom…"
        value={search}
        onChange={(event: { target: { value: string } }) => setSearch(event.target.value)}
      />
      {shown.map((row) => (
        <Flex key={row.documentId} justifyContent="space-between" gap={2}>
          <Box>
            <Typography variant="omega">{row.name ?? '(anonymisé)'}</Typography>
            {row.firstTime ? (
              <Typography variant="pi" textColor="neutral600">
                {' '}
                · première fois
              </Typography>
            ) : null}
            {row.accessibilityNeeds ? (
              <Typography variant="pi" textColor="neutral600" tag="p">
                {row.accessibilityNeeds}
              </Typography>
            ) : null}
          </Box>
          <Button
            variant={row.status === 'present' ? 'success-light' : 'tertiary'}
            loading={busy === row.documentId}
            onClick={() => void toggle(row)}
          >
            {row.status === 'present' ? 'Présent·e ✓' : 'Présent·e'}
          </Button>
        </Flex>
      ))}
      <Typography variant="sigma" textColor="neutral600">
        Ajouter à la main (confirmé·e, reçoit l’e-mail)
      </Typography>
      <TextInput
        aria-label="Nom de la personne à ajouter"
        placeholder="Nom"
        value={newName}
        onChange={(event: { target: { value: string } }) => setNewName(event.target.value)}
      />
      <TextInput
        aria-label="E-mail de la personne à ajouter"
        placeholder="E-mail"
        type="email"
        value={newEmail}
        onChange={(event: { target: { value: string } }) => setNewEmail(event.target.value)}
      />
      <Button variant="secondary" loading={busy === 'new'} onClick={() => void addByHand()} fullWidth>
        Ajouter
      </Button>
      {problem ? <ProblemLine problem={problem} /> : null}
    </Flex>
  );
}

/** The side panel, on events only; hidden from roles that may not read registrations (the route answers 403). */
export const RegistrationPanel: PanelComponent = ({ model, documentId }) => {
  if (model !== EVENT || !documentId) return null;
  return { title: 'Inscriptions', content: <EventRegistrationsPanel documentId={documentId} /> };
};
