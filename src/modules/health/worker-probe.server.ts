import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { ApiError } from '../../common/errors/api-error.js';
import { sendProblem } from '../../common/errors/send-problem.js';
import { assignRequestId } from '../../common/logging/request-id.middleware.js';
import { AppConfig } from '../../config/app-config.js';
import { explainListenError } from '../../infra/http/listen.js';
import { AppMetrics } from '../../infra/metrics/app-metrics.js';
import { METRICS_PATH, serveMetrics } from './metrics-endpoint.js';
import { HealthService } from './health.service.js';

function sendJson(response: ServerResponse, body: unknown): void {
  response.setHeader('Content-Type', 'application/json; charset=utf-8');
  response.setHeader('Cache-Control', 'no-store');
  response.end(JSON.stringify(body));
}

/**
 * The worker role has no API server, yet orchestrators need to probe it and Prometheus to scrape
 * its job metrics: a bare listener on WORKER_HEALTH_PORT answering `/health/live`, `/health/ready`
 * (the API's checks and JSON, from the shared HealthService) and `/metrics` (same token rule).
 */
@Injectable()
export class WorkerProbeServer implements OnApplicationShutdown {
  private server?: Server;

  constructor(
    private readonly health: HealthService,
    private readonly metrics: AppMetrics,
    private readonly config: AppConfig,
  ) {}

  /** Listens on HOST:WORKER_HEALTH_PORT; a port in use is a one-line StartupError. */
  async listen(): Promise<void> {
    const { workerHealthPort: port, host } = this.config;
    const server = createServer((request, response) => {
      assignRequestId(request, response);
      void this.route(request, response);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    }).catch((error: unknown) => {
      throw explainListenError(error, port, host, 'WORKER_HEALTH_PORT/HOST');
    });
    this.server = server;
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (server) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  }

  private async route(
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://probe').pathname;
    const readable = request.method === 'GET' || request.method === 'HEAD';
    if (path === METRICS_PATH) {
      await serveMetrics(
        request,
        response,
        this.metrics,
        this.config.metrics.token,
      );
    } else if (readable && path === '/health/live') {
      sendJson(response, this.health.liveness());
    } else if (readable && path === '/health/ready') {
      // readiness() reports every failure as an ApiError (it catches each check's own error).
      await this.health.readiness().then(
        (body) => sendJson(response, body),
        (error: ApiError) => sendProblem(response, error),
      );
    } else {
      sendProblem(response, new ApiError('not_found', 'No such route'));
    }
  }
}
