/** Every error code the API can answer with (docs/contracts.md#errors). */
export const ERROR_CODES = [
  'validation_error',
  'unauthorized',
  'forbidden',
  'insufficient_scope',
  'not_found',
  'idempotency_conflict',
  'idempotency_in_progress',
  'conflict',
  'upload_rejected',
  'payload_too_large',
  'range_not_satisfiable',
  'unprocessable_entity',
  'rate_limit_exceeded',
  'internal_error',
  'insufficient_storage',
  'service_unavailable',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * The single place a code becomes an HTTP status. The switch has no default branch, so adding a
 * code without mapping it fails to compile.
 */
export function httpStatusFor(code: ErrorCode): number {
  switch (code) {
    case 'validation_error':
      return 400;
    case 'unauthorized':
      return 401;
    case 'forbidden':
    case 'insufficient_scope':
    case 'upload_rejected':
      return 403;
    case 'not_found':
      return 404;
    case 'idempotency_conflict':
    case 'idempotency_in_progress':
    case 'conflict':
      return 409;
    case 'payload_too_large':
      return 413;
    case 'range_not_satisfiable':
      return 416;
    case 'unprocessable_entity':
      return 422;
    case 'rate_limit_exceeded':
      return 429;
    case 'internal_error':
      return 500;
    case 'insufficient_storage':
      return 507;
    case 'service_unavailable':
      return 503;
  }
}

export function titleFor(code: ErrorCode): string {
  switch (code) {
    case 'validation_error':
      return 'Invalid request';
    case 'unauthorized':
      return 'Unauthorized';
    case 'forbidden':
      return 'Forbidden';
    case 'insufficient_scope':
      return 'Insufficient scope';
    case 'not_found':
      return 'Not found';
    case 'idempotency_conflict':
      return 'Idempotency key reused with a different request';
    case 'idempotency_in_progress':
      return 'Idempotent request still in progress';
    case 'conflict':
      return 'Conflict';
    case 'upload_rejected':
      return 'Upload rejected';
    case 'payload_too_large':
      return 'Payload too large';
    case 'range_not_satisfiable':
      return 'Range not satisfiable';
    case 'unprocessable_entity':
      return 'Unprocessable entity';
    case 'rate_limit_exceeded':
      return 'Rate limit exceeded';
    case 'internal_error':
      return 'Internal error';
    case 'insufficient_storage':
      return 'Insufficient storage';
    case 'service_unavailable':
      return 'Service unavailable';
  }
}
