import type { Context } from 'koa';

/**
 * The `name` of each status the CMS's own code answers with: Strapi's error class for it where Strapi
 * has one (ValidationError, UnauthorizedError, ForbiddenError, NotFoundError, PayloadTooLargeError,
 * RateLimitError), the name Koa's http-errors gives it otherwise.
 */
const ERROR_NAMES = {
  400: 'ValidationError',
  401: 'UnauthorizedError',
  403: 'ForbiddenError',
  404: 'NotFoundError',
  409: 'ConflictError',
  413: 'PayloadTooLargeError',
  415: 'UnsupportedMediaTypeError',
  429: 'RateLimitError',
  502: 'BadGatewayError',
  503: 'ServiceUnavailableError',
} as const;

export type ErrorStatus = keyof typeof ERROR_NAMES;

/**
 * The body of every error the CMS answers, whoever produces it: Strapi's own shape (its error
 * middleware answers `{ data: null, error: { status, name, message, details } }`), so a client reads
 * one shape from our routes and from Strapi's. `details` carries what a client acts on (the field
 * to fix, the things missing).
 */
export interface ErrorBody<Details extends object = Record<string, never>> {
  data: null;
  error: { status: ErrorStatus; name: (typeof ERROR_NAMES)[ErrorStatus]; message: string; details: Details };
}

export function errorBody(status: ErrorStatus, message: string): ErrorBody;
export function errorBody<Details extends object>(
  status: ErrorStatus,
  message: string,
  details: Details,
): ErrorBody<Details>;
export function errorBody(status: ErrorStatus, message: string, details: object = {}): ErrorBody<object> {
  return { data: null, error: { status, name: ERROR_NAMES[status], message, details } };
}

/** Answers `status` with the error body: the one way our middlewares and routes refuse a request. */
export function sendError(ctx: Context, status: ErrorStatus, message: string, details: object = {}): void {
  ctx.status = status;
  ctx.body = errorBody(status, message, details);
}
