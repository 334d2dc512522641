/**
 * What went wrong with a call to the CMS, in one line: the message of the refusal the route answered
 * (Strapi's error body, `{ error: { message } }`), or the error's own when there was no answer.
 */
export function refusalMessage(error: unknown): string {
  const response = (error as { response?: { data?: { error?: { message?: string } } } }).response;
  return response?.data?.error?.message ?? (error instanceof Error ? error.message : String(error));
}
