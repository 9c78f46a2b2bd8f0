import type { Server } from 'node:http';
import { applyRequestTimeouts } from './infra/http/listen.js';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Express } from 'express';
import { AppModule } from './app.module.js';
import { createAppLogger } from './common/logging/logging.module.js';
import { requestIdMiddleware } from './common/logging/request-id.middleware.js';
import { requestLogging } from './common/logging/request-logger.js';
import type { AppConfig } from './config/app-config.js';
import { corsMiddleware, corsOptions } from './common/http/cors.js';
import { jsonBody } from './common/http/json-body.middleware.js';
import { securityHeaders } from './common/http/security-headers.js';
import { refuseUrlControlCharacters } from './common/http/url-control-characters.middleware.js';
import { ensureDatabase } from './infra/database/ensure-database.js';
import { AppMetrics } from './infra/metrics/app-metrics.js';
import { httpMetrics } from './infra/metrics/http-metrics.middleware.js';
import {
  METRICS_PATH,
  serveMetrics,
} from './modules/health/metrics-endpoint.js';
import { assertRedisReachable } from './infra/redis/redis.js';
import { mountOpenApi } from './openapi/openapi.js';

/**
 * On SIGTERM/SIGINT Nest runs the shutdown hooks (running jobs finish first, see JobRunner),
 * then exits 0 rather than re-raising the signal, so a stop that went to plan reads as success to
 * process managers, and the log lines still waiting are written at `exit`.
 */
const SHUTDOWN_HOOKS = { useProcessExit: true } as const;

/** Checks PostgreSQL and Redis answer (creating the database if missing) before Nest starts. */
async function preflight(config: AppConfig): Promise<void> {
  await ensureDatabase(config.databaseUrl);
  await assertRedisReachable(config.redisUrl);
}

/** The HTTP application (roles `all` and `api`), ready to `listen`. */
export async function createHttpApplication(
  config: AppConfig,
): Promise<NestExpressApplication> {
  await preflight(config);
  const logger = createAppLogger(config);
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.register(config, logger),
    {
      logger,
      bodyParser: false,
      abortOnError: false,
    },
  );
  // Plain Express middleware, ahead of Nest's routes and of Swagger UI, so every response gets them.
  const metrics = app.get(AppMetrics);
  app.use(
    httpMetrics(metrics),
    requestIdMiddleware,
    requestLogging(logger.root),
    securityHeaders,
  );
  const cors = corsOptions(config.cors);
  if (cors) {
    app.use(corsMiddleware(cors));
  }
  const server: Express = app.getHttpAdapter().getInstance();
  server.get(METRICS_PATH, (request, response) => {
    void serveMetrics(request, response, metrics, config.metrics.token);
  });
  // Errors these pass on reach the problem+json filter through Nest's error handler.
  app.use(refuseUrlControlCharacters, jsonBody(config));
  app.disable('x-powered-by');
  // API answers are `no-store`: Express's weak ETag would hash every body for nothing.
  app.set('etag', false);
  // Which X-Forwarded-For hops to believe: decides the client address per-IP rate limits count.
  app.set('trust proxy', config.trustProxy);
  app.enableShutdownHooks([], SHUTDOWN_HOOKS);
  applyRequestTimeouts(app.getHttpServer() as Server);
  await mountOpenApi(app);
  return app;
}

/** The worker role: queues and processors, no HTTP server. */
export async function createWorkerContext(
  config: AppConfig,
): Promise<INestApplicationContext> {
  await preflight(config);
  const logger = createAppLogger(config);
  const context = await NestFactory.createApplicationContext(
    AppModule.register(config, logger),
    {
      logger,
      abortOnError: false,
    },
  );
  context.enableShutdownHooks([], SHUTDOWN_HOOKS);
  return context;
}
