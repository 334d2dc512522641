/** The CMS could not be reached (network error, timeout): the message names the URL. */
export class CmsUnreachableError extends Error {
  override name = 'CmsUnreachableError';
}

/** The CMS answered, but not with what the site needs (HTTP error, unexpected payload). */
export class CmsResponseError extends Error {
  override name = 'CmsResponseError';
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** An entry does not match its schema: the message names the content type, the entry and the field. */
export class CmsSchemaError extends Error {
  override name = 'CmsSchemaError';
}
