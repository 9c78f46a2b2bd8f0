import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import type { AppConfig } from './config/app-config.js';
import { ensureDatabase } from './infra/database/ensure-database.js';
import { assertRedisReachable } from './infra/redis/redis.js';
import { buildOpenApiDocument, mountOpenApi } from './openapi/openapi.js';

/**
 * On SIGTERM/SIGINT Nest runs the shutdown hooks (running jobs finish first, see ProcessingWorker),
 * then exits 0 rather than re-raising the signal, so a stop that went to plan reads as success to
 * process managers, and pino's 'exit' flush runs.
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
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.register(config),
    {
      bufferLogs: true,
      bodyParser: false,
      abortOnError: false,
    },
  );
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  app.enableShutdownHooks([], SHUTDOWN_HOOKS);
  mountOpenApi(app, await buildOpenApiDocument(app));
  return app;
}

/** The worker role: queues and processors, no HTTP server. */
export async function createWorkerContext(
  config: AppConfig,
): Promise<INestApplicationContext> {
  await preflight(config);
  const context = await NestFactory.createApplicationContext(
    AppModule.register(config),
    {
      bufferLogs: true,
      abortOnError: false,
    },
  );
  context.useLogger(context.get(Logger));
  context.enableShutdownHooks([], SHUTDOWN_HOOKS);
  return context;
}
