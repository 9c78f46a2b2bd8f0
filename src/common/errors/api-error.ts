import { httpStatusFor, type ErrorCode } from './error-codes.js';

/** What a client is told when our own storage fails (full disk or quota, I/O error, read-only). */
export const STORAGE_FAILURE_MESSAGE =
  'The server could not store the file: its storage is full or failing. Nothing was kept; retry later';

export interface FieldError {
  field: string;
  message: string;
}

/**
 * A domain error that carries its API error code. Services throw these; the global filter is the
 * only place they become HTTP responses.
 */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: {
      errors?: FieldError[];
      headers?: Record<string, string>;
      /**
       * Whether a request refused with this error is answered the same again under its
       * Idempotency-Key. Refusals are, by default (the request was judged, and would be judged the
       * same); `false` for a request refused before it was judged (body validation), so the key
       * can be retried with a corrected body. 5xx answers are never kept.
       */
      replayable?: boolean;
    } = {},
    /**
     * `cause`: what went wrong below, for the operator. It never reaches the response; the filter
     * logs it with the request id, since the message alone is all the client is told.
     */
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ApiError';
  }

  /** See `details.replayable`. */
  get replayable(): boolean {
    return httpStatusFor(this.code) < 500 && this.details.replayable !== false;
  }

  static validation(field: string, message: string): ApiError {
    return new ApiError('validation_error', message, {
      errors: [{ field, message }],
    });
  }

  static notFound(resource: string, id: string): ApiError {
    return new ApiError(
      'not_found',
      `No ${resource} with id ${id} in this workspace`,
    );
  }
}
