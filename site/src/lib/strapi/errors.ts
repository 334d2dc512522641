/**
 * Errors about the CMS's content or availability. They are the reader's problem, not the
 * code's, so they carry no stack trace: the build prints the one line that says what to fix.
 */
abstract class CmsError extends Error {
  constructor(message: string) {
    super(message);
    this.stack = message;
  }
}

/** The CMS could not be reached (network error, timeout): the message names the URL. */
export class CmsUnreachableError extends CmsError {
  override name = 'CmsUnreachableError';
}

/** The CMS answered, but not with what the site needs (HTTP error, unexpected payload). */
export class CmsResponseError extends CmsError {
  override name = 'CmsResponseError';
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** An entry does not match its schema: the message names the content type, the entry and the field. */
export class CmsSchemaError extends CmsError {
  override name = 'CmsSchemaError';
}
