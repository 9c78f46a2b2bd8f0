import express, {
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
} from 'express';
import { ApiError } from '../errors/api-error.js';
import { AppConfig } from '../../config/app-config.js';
import { findJsonBodyProblem, MAX_JSON_DEPTH } from './json-body-limits.js';

/**
 * Runs on the raw (decompressed) bytes before JSON.parse. Only UTF-8 is scanned correctly, and
 * RFC 8259 §8.1 requires it anyway; other `utf-*` charsets body-parser would decode (UTF-7 can spell
 * `[` and NUL without those bytes) are refused.
 */
function verifyJsonBody(
  _request: unknown,
  _response: unknown,
  body: Buffer,
  encoding: string,
): void {
  if (encoding !== 'utf-8' && encoding !== 'utf8') {
    throw ApiError.validation(
      'Content-Type',
      `JSON bodies must be UTF-8, not ${encoding}`,
    );
  }
  const problem = findJsonBodyProblem(body);
  if (problem?.kind === 'too_deep') {
    throw ApiError.validation(
      'body',
      `The request body nests deeper than ${MAX_JSON_DEPTH} levels`,
    );
  }
  if (problem?.kind === 'contains_nul') {
    const field = problem.path.join('.') || 'body';
    throw ApiError.validation(
      field,
      `${field} contains a NUL character (\\u0000), which cannot be stored`,
    );
  }
}

/**
 * What body-parser's failure means to the client, as the ApiError the problem+json filter answers
 * with. A verify error is ours already, but body-parser has decorated it as a 403 http-error, so a
 * clean copy goes on. An unknown Content-Encoding comes as `type: 'encoding.unsupported'`, and a body
 * that fails to decompress as the bare zlib error (no `type`), which would otherwise read as an
 * unexpected 500.
 */
function explainBodyError(error: unknown, request: Request): unknown {
  if (error instanceof ApiError) {
    return new ApiError(error.code, error.message, error.details);
  }
  if (!(error instanceof Error)) {
    return error;
  }
  const type = (error as { type?: unknown }).type;
  const contentEncoding = request.header('content-encoding')?.toLowerCase();
  if (type === 'entity.too.large') {
    return new ApiError(
      'payload_too_large',
      'The request body is larger than the limit',
    );
  }
  if (type === 'entity.parse.failed') {
    return new ApiError(
      'validation_error',
      'The request body is not valid JSON',
      { errors: [{ field: 'body', message: 'malformed JSON' }] },
    );
  }
  if (type === 'encoding.unsupported') {
    return ApiError.validation(
      'Content-Encoding',
      `Content-Encoding "${contentEncoding}" is not supported; send gzip, deflate, br or identity`,
    );
  }
  if (type === undefined && contentEncoding && contentEncoding !== 'identity') {
    return ApiError.validation(
      'Content-Encoding',
      `The request body is not valid ${contentEncoding} data`,
    );
  }
  if (typeof type === 'string') {
    return new ApiError(
      'validation_error',
      `The request body could not be read: ${error.message}`,
    );
  }
  return error;
}

/**
 * JSON body parsing (`application/json`, `application/*+json`) as plain Express middleware ahead of
 * the routes, its failures explained as ApiErrors so they reach the problem+json filter through
 * Nest's error handler like every other error. Not a Nest middleware: those are matched as a
 * `*path` route and wrapped in promises and a proxy per request (why this matters for this and the
 * URL check: docs/performance.md#json-body-and-url-check).
 */
export function jsonBody(config: AppConfig): RequestHandler {
  const parse = express.json({
    limit: config.jsonBodyLimitBytes,
    type: ['application/json', 'application/*+json'],
    verify: verifyJsonBody,
  });
  return (request: Request, response: Response, next: NextFunction) =>
    parse(request, response, (error?: unknown) =>
      error === undefined || error === null
        ? next()
        : next(explainBodyError(error, request)),
    );
}
