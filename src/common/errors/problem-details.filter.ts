import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  Logger,
} from '@nestjs/common';
import type { Response } from 'express';
import { AppConfig } from '../../config/app-config.js';
import { RecoveryPointLost } from '../../infra/database/recovery-point.js';
import { QueueUnavailableError } from '../../infra/queue/job-port.js';
import { storageFailureCode } from '../../infra/storage/storage-failure.js';
import { ApiError, STORAGE_FAILURE_MESSAGE } from './api-error.js';
import type { ErrorCode } from './error-codes.js';
import {
  PROBLEM_CONTENT_TYPE,
  renderProblem,
  resetForProblem,
  StoredProblem,
} from './render-problem.js';
import { BackingServices, endpointOf } from './unavailable.js';

/** Status codes Nest (or a handler) may throw as HttpException, by the code they mean here. */
const CODES_BY_STATUS: Partial<Record<number, ErrorCode>> = {
  400: 'validation_error',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  416: 'range_not_satisfiable',
  422: 'unprocessable_entity',
  429: 'rate_limit_exceeded',
  503: 'service_unavailable',
};

function fromHttpException(exception: HttpException): ApiError {
  const status = exception.getStatus();
  const code =
    CODES_BY_STATUS[status] ??
    (status >= 500 ? 'internal_error' : 'validation_error');
  // Nest's router answers unmatched paths with "Cannot GET /x"; a handler's own 404 keeps its message.
  const unmatchedRoute =
    status === 404 && exception.message.startsWith('Cannot ');
  return new ApiError(
    code,
    unmatchedRoute
      ? 'No such route'
      : code === 'internal_error'
        ? 'An unexpected error occurred'
        : exception.message,
  );
}

/**
 * The single mapping point from thrown errors to RFC 9457 problem+json responses. Anything it does
 * not recognise is a 500 `internal_error` whose details only reach the log.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');
  private readonly backingServices: BackingServices;

  constructor(config: AppConfig) {
    this.backingServices = new BackingServices([
      endpointOf(config.databaseUrl, 5432),
      endpointOf(config.redisUrl, 6379),
    ]);
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const header = response.getHeader('X-Request-Id');
    const requestId = typeof header === 'string' ? header : '';
    const problem =
      exception instanceof StoredProblem
        ? exception.problem
        : renderProblem(this.toApiError(exception, requestId), requestId);
    if (response.headersSent) {
      response.destroy();
      return;
    }
    resetForProblem(response);
    for (const [name, value] of Object.entries(problem.headers)) {
      response.setHeader(name, value);
    }
    response
      .status(problem.status)
      .type(PROBLEM_CONTENT_TYPE)
      .send(JSON.stringify(problem.body));
  }

  private toApiError(exception: unknown, requestId: string): ApiError {
    if (exception instanceof ApiError) {
      if (exception.cause !== undefined) {
        // A refusal or failure worded for the client (a download that failed: 500 as the first
        // seed says): without this line the log would hold only the status.
        this.logger.warn(
          { err: exception.cause, requestId, code: exception.code },
          exception.message,
        );
      }
      return exception;
    }
    if (exception instanceof HttpException) {
      return fromHttpException(exception);
    }
    if (exception instanceof QueueUnavailableError) {
      // Expected while Redis is away, and already logged once by RedisStatus.
      return new ApiError('service_unavailable', exception.message, {
        headers: { 'Retry-After': '5' },
      });
    }
    if (exception instanceof RecoveryPointLost) {
      // The key's lease lapsed and a retry runs the request now: this run wrote nothing.
      return new ApiError('idempotency_in_progress', exception.message, {
        headers: { 'Retry-After': '1' },
      });
    }
    if (this.backingServices.isUnavailable(exception)) {
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
    const storageFailure = storageFailureCode(exception);
    if (storageFailure) {
      // Ours to fix, not the client's: the operator needs to see it, the client to retry later.
      this.logger.error(
        { err: exception, requestId },
        `Storage failure (${storageFailure})`,
      );
      return new ApiError('insufficient_storage', STORAGE_FAILURE_MESSAGE);
    }
    this.logger.error({ err: exception, requestId }, 'Unexpected error');
    return new ApiError('internal_error', 'An unexpected error occurred');
  }
}
