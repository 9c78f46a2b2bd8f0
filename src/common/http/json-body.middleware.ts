import { Injectable, type NestMiddleware } from '@nestjs/common';
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
 * body-parser reports an unknown Content-Encoding with `type: 'encoding.unsupported'`, and a body
 * that fails to decompress with the bare zlib error (no `type`), which would otherwise read as an
 * unexpected 500.
 */
function explainBodyError(error: unknown, request: Request): unknown {
  const contentEncoding = request.header('content-encoding')?.toLowerCase();
  if (
    !contentEncoding ||
    contentEncoding === 'identity' ||
    !(error instanceof Error) ||
    error instanceof ApiError
  ) {
    return error;
  }
  const type = (error as { type?: unknown }).type;
  if (type === 'encoding.unsupported') {
    return ApiError.validation(
      'Content-Encoding',
      `Content-Encoding "${contentEncoding}" is not supported; send gzip, deflate, br or identity`,
    );
  }
  if (type === undefined) {
    return ApiError.validation(
      'Content-Encoding',
      `The request body is not valid ${contentEncoding} data`,
    );
  }
  return error;
}

/**
 * JSON body parsing as a Nest middleware rather than Express's own, so malformed or oversized
 * bodies reach the problem+json filter like every other error.
 */
@Injectable()
export class JsonBodyMiddleware implements NestMiddleware {
  private readonly parse: RequestHandler;

  constructor(config: AppConfig) {
    this.parse = express.json({
      limit: config.jsonBodyLimitBytes,
      type: ['application/json', 'application/*+json'],
      verify: verifyJsonBody,
    });
  }

  async use(
    request: Request,
    response: Response,
    next: NextFunction,
  ): Promise<void> {
    await new Promise<void>((resolve, reject) =>
      this.parse(request, response, (error?: unknown) =>
        error ? reject(explainBodyError(error, request)) : resolve(),
      ),
    );
    next();
  }
}
