import type { ServerResponse } from 'node:http';
import type { ApiError, FieldError } from './api-error.js';
import { httpStatusFor, titleFor } from './error-codes.js';
import type { ProblemDetails } from './problem-details.dto.js';

/** A problem+json response exactly as it goes on the wire; the idempotency layer replays these. */
export interface RenderedProblem {
  status: number;
  headers: Record<string, string>;
  body: ProblemDetails;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** The RFC 9457 rendering of a domain error: pure, so a stored response replays byte for byte. */
export function renderProblem(
  error: ApiError,
  requestId: string,
): RenderedProblem {
  const status = httpStatusFor(error.code);
  return {
    status,
    headers: { ...error.details.headers },
    body: {
      type: `urn:media-api:problem:${error.code}`,
      title: titleFor(error.code),
      status,
      code: error.code,
      message: error.message,
      ...(error.details.errors
        ? { errors: error.details.errors satisfies FieldError[] }
        : {}),
      requestId,
    },
  };
}

/** A problem rendered earlier (by an idempotent request), to be sent again exactly as it was. */
export class StoredProblem extends Error {
  constructor(readonly problem: RenderedProblem) {
    super(problem.body.message);
    this.name = 'StoredProblem';
  }
}

/**
 * Headers a handler may have set for the representation it meant to send (a file's caching,
 * validators, range, disposition) before it failed. A problem answer carries none of them, and is
 * never cached: a CDN must not keep a 500 for a year.
 */
const REPRESENTATION_HEADERS = [
  'Cache-Control',
  'Expires',
  'ETag',
  'Last-Modified',
  'Content-Disposition',
  'Content-Range',
  'Accept-Ranges',
  'Content-Length',
];

/** Clears what `REPRESENTATION_HEADERS` lists and marks the answer `no-store`; the problem's own headers go on after. */
export function resetForProblem(response: ServerResponse): void {
  for (const name of REPRESENTATION_HEADERS) {
    response.removeHeader(name);
  }
  response.setHeader('Cache-Control', 'no-store');
}
