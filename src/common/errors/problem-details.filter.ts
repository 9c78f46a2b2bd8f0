import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  Logger,
} from '@nestjs/common';
import type { Response } from 'express';
import { ApiError, type FieldError } from './api-error.js';
import { httpStatusFor, titleFor, type ErrorCode } from './error-codes.js';
import type { ProblemDetails } from './problem-details.dto.js';
import { isInfrastructureUnavailable } from './unavailable.js';

interface BodyParserError extends Error {
  type: string;
  status: number;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  return (
    error instanceof Error &&
    typeof (error as Partial<BodyParserError>).type === 'string' &&
    typeof (error as Partial<BodyParserError>).status === 'number'
  );
}

function fromHttpException(exception: HttpException): ApiError {
  const status = exception.getStatus();
  const code: ErrorCode =
    status === 404
      ? 'not_found'
      : status === 413
        ? 'payload_too_large'
        : status === 401
          ? 'unauthorized'
          : status === 403
            ? 'forbidden'
            : status === 429
              ? 'rate_limit_exceeded'
              : status === 503
                ? 'service_unavailable'
                : status >= 500
                  ? 'internal_error'
                  : 'validation_error';
  return new ApiError(
    code,
    status === 404 ? 'No such route' : exception.message,
  );
}

function fromBodyParser(error: BodyParserError): ApiError {
  if (error.type === 'entity.too.large') {
    return new ApiError(
      'payload_too_large',
      'The request body is larger than the limit',
    );
  }
  if (error.type === 'entity.parse.failed') {
    return new ApiError(
      'validation_error',
      'The request body is not valid JSON',
      {
        errors: [{ field: 'body', message: 'malformed JSON' }],
      },
    );
  }
  return new ApiError(
    'validation_error',
    `The request body could not be read: ${error.message}`,
  );
}

/**
 * The single mapping point from thrown errors to RFC 9457 problem+json responses. Anything it does
 * not recognise is a 500 `internal_error` whose details only reach the log.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const header = response.getHeader('X-Request-Id');
    const requestId = typeof header === 'string' ? header : '';
    const error = this.toApiError(exception, requestId);
    const status = httpStatusFor(error.code);
    const body: ProblemDetails = {
      type: `urn:media-api:problem:${error.code}`,
      title: titleFor(error.code),
      status,
      code: error.code,
      message: error.message,
      ...(error.details.errors
        ? { errors: error.details.errors satisfies FieldError[] }
        : {}),
      requestId,
    };
    if (response.headersSent) {
      response.destroy();
      return;
    }
    for (const [name, value] of Object.entries(error.details.headers ?? {})) {
      response.setHeader(name, value);
    }
    response
      .status(status)
      .type('application/problem+json')
      .send(JSON.stringify(body));
  }

  private toApiError(exception: unknown, requestId: string): ApiError {
    if (exception instanceof ApiError) {
      return exception;
    }
    if (exception instanceof HttpException) {
      return fromHttpException(exception);
    }
    if (isBodyParserError(exception)) {
      return fromBodyParser(exception);
    }
    if (isInfrastructureUnavailable(exception)) {
      this.logger.error(
        { err: exception, requestId },
        'Dependency unavailable',
      );
      return new ApiError(
        'service_unavailable',
        'A backing service is unavailable; retry shortly',
        {
          headers: { 'Retry-After': '5' },
        },
      );
    }
    this.logger.error({ err: exception, requestId }, 'Unexpected error');
    return new ApiError('internal_error', 'An unexpected error occurred');
  }
}
