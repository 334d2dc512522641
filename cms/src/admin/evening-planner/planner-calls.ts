import type { useFetchClient } from '@strapi/strapi/admin';
import type { PlanChoices } from '../../evenings/planner-contracts';
import { EVENT_UID } from './evening-labels';
import { existing, type EveningForm } from './plan-form';

type FetchClient = ReturnType<typeof useFetchClient>;

/**
 * Uploads the photos of the talks' new speakers to the media library, before the plan that uses
 * them is sent (a refused plan has the CMS remove them). Answers each row's key → its file's id.
 */
export async function uploadNewSpeakerPhotos(
  post: FetchClient['post'],
  form: EveningForm,
  choices: PlanChoices,
): Promise<Map<number, number>> {
  const photos = new Map<number, number>();
  for (const row of form.talks) {
    if (!row.photo || existing(choices.speakers, row.speakerName) || row.speakerName.trim() === '') continue;
    const body = new FormData();
    body.append('files', row.photo, row.photo.name);
    const { data } = await post<{ id: number }[]>('/upload', body);
    if (data[0]) photos.set(row.key, data[0].id);
  }
  return photos;
}

/** The address of the saved evening's preview, drafts included; undefined when the server has no preview. */
export async function draftPreviewUrl(get: FetchClient['get'], documentId: string): Promise<string | undefined> {
  const { data } = await get<{ data: { url?: string } }>(
    `/content-manager/preview/url/${EVENT_UID}?documentId=${encodeURIComponent(documentId)}&status=draft`,
  );
  return data.data.url;
}
