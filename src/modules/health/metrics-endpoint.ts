import { Logger } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { presentsToken } from '../../common/auth/operator-token.js';
import { ApiError } from '../../common/errors/api-error.js';
import { sendProblem } from '../../common/errors/send-problem.js';
import type { AppMetrics } from '../../infra/metrics/app-metrics.js';

export const METRICS_PATH = '/metrics';

const logger = new Logger('Metrics');

/**
 * `GET /metrics` for Prometheus, behind `Authorization: Bearer $METRICS_TOKEN`. One plain handler
 * serves both the API's Express app and the worker's probe listener, which has no Nest router;
 * it is an operator endpoint, so it stays out of the OpenAPI contract. Without a token configured
 * the endpoint does not exist (404), so nothing about the process is exposed by default.
 */
export async function serveMetrics(
  request: IncomingMessage,
  response: ServerResponse,
  metrics: AppMetrics,
  token: string | undefined,
): Promise<void> {
  if (!token || (request.method !== 'GET' && request.method !== 'HEAD')) {
    sendProblem(response, new ApiError('not_found', 'No such route'));
    return;
  }
  if (!presentsToken(request.headers.authorization, token)) {
    response.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
    sendProblem(
      response,
      new ApiError(
        'unauthorized',
        'GET /metrics needs Authorization: Bearer <METRICS_TOKEN>',
      ),
    );
    return;
  }
  let rendered: Awaited<ReturnType<AppMetrics['render']>>;
  try {
    rendered = await metrics.render();
  } catch (error) {
    logger.error({ err: error }, 'Could not collect metrics');
    sendProblem(
      response,
      new ApiError('internal_error', 'An unexpected error occurred'),
    );
    return;
  }
  response.setHeader('Content-Type', rendered.contentType);
  response.setHeader('Cache-Control', 'no-store');
  response.end(request.method === 'HEAD' ? undefined : rendered.body);
}
