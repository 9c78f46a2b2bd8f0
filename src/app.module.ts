import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { RequestGuardsModule } from './common/request-guards.module.js';
import { ProblemDetailsFilter } from './common/errors/problem-details.filter.js';
import {
  createAppLogger,
  LoggingModule,
} from './common/logging/logging.module.js';
import type { PinoLoggerService } from './common/logging/pino-logger.service.js';
import { createValidationPipe } from './common/validation/validation-pipe.js';
import { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { DatabaseModule } from './infra/database/database.module.js';
import { MetricsModule } from './infra/metrics/metrics.module.js';
import { QueueModule } from './infra/queue/queue.module.js';
import { RedisModule } from './infra/redis/redis.module.js';
import { SecretsModule } from './infra/secrets/secrets.module.js';
import { TracingShutdown } from './infra/tracing/tracing-shutdown.js';
import { QueueDashboardModule } from './modules/admin/queue-dashboard.module.js';
import { HealthModule } from './modules/health/health.module.js';
import { IdempotencyModule } from './modules/idempotency/idempotency.module.js';
import { ImportModule } from './modules/import/import.module.js';
import { MediaModule } from './modules/media/media.module.js';
import { ProcessingModule } from './modules/processing/processing.module.js';
import { RenditionsModule } from './modules/renditions/renditions.module.js';
import { RetentionModule } from './modules/retention/retention.module.js';
import { TemplatesModule } from './modules/templates/templates.module.js';
import { UploadModule } from './modules/upload/upload.module.js';
import { ValidationModule } from './modules/validation/validation.module.js';
import { WebhooksModule } from './modules/webhooks/webhooks.module.js';
import { WorkspacesModule } from './modules/workspaces/workspaces.module.js';

@Module({})
export class AppModule {
  /** `logger`: the one Nest itself was created with (bootstrap.ts), so both write the same lines. */
  static register(
    config: AppConfig,
    logger: PinoLoggerService = createAppLogger(config),
  ): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forConfig(config),
        LoggingModule.forLogger(logger),
        MetricsModule,
        DatabaseModule,
        RedisModule,
        SecretsModule,
        QueueModule,
        RequestGuardsModule.register(WorkspacesModule),
        WorkspacesModule,
        MediaModule,
        UploadModule,
        ProcessingModule,
        ValidationModule,
        RenditionsModule,
        ImportModule,
        TemplatesModule,
        WebhooksModule,
        RetentionModule,
        IdempotencyModule,
        HealthModule,
        QueueDashboardModule.register(config),
      ],
      providers: [
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        ...(config.tracing ? [TracingShutdown] : []),
      ],
    };
  }
}
