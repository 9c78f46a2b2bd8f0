import { ERROR_CODES, type ErrorCode } from './error-codes.js';

export class FieldErrorDto {
  /** Dotted path of the offending field, e.g. `files.0.contentType`. */
  field: string;
  message: string;
}

/** RFC 9457 problem details: the one error shape of the API. */
export class ProblemDetailsDto {
  /** A URI identifying the problem type: `urn:media-api:problem:<code>`. */
  type: string;
  /** Short, human-readable summary of the problem type. */
  title: string;
  /** The HTTP status code. */
  status: number;
  /**
   * Machine-readable error code.
   * @example "validation_error"
   */
  code: (typeof ERROR_CODES)[number];
  /** Human-readable explanation specific to this occurrence. */
  message: string;
  /** Per-field problems, present on validation errors. */
  errors?: FieldErrorDto[];
  /** The request id, also sent as the `X-Request-Id` header. Quote it when asking for support. */
  requestId: string;
}

export type ProblemDetails = Omit<ProblemDetailsDto, 'code'> & {
  code: ErrorCode;
};
