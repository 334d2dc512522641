import type { RegistrationStatus } from '@clermontech/config';

/** What the "Inscriptions" panel of an event reads (GET /event-registrations/events/:documentId). */
export interface EventRegistrations {
  capacity: number | null;
  counts: Record<RegistrationStatus, number>;
  registrations: AttendeeRow[];
}

/** One registration as volunteers see it; anonymised ones have no name or e-mail. */
export interface AttendeeRow {
  documentId: string;
  status: RegistrationStatus;
  name: string | null;
  email: string | null;
  firstTime: boolean;
  accessibilityNeeds: string | null;
  createdAt: string;
}
