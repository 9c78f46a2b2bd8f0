import type { ErrorCode } from './error-codes.js';

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
    } = {},
  ) {
    super(message);
    this.name = 'ApiError';
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
