import { BullModule } from '@nestjs/bull';
import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import { QUEUES } from './queues.js';

const queues = BullModule.registerQueue(
  ...Object.values(QUEUES).map((name) => ({ name })),
);

/**
 * Bull on the configured Redis, under the configured key prefix. A job whose worker dies is taken
 * back after `stalledInterval` and re-run (processing is idempotent).
 */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        url: config.redisUrl,
        prefix: `${config.redisKeyPrefix}:bull`,
        settings: {
          stalledInterval: 15_000,
          maxStalledCount: 3,
          lockDuration: 30_000,
        },
      }),
    }),
    queues,
  ],
  exports: [queues],
})
export class QueueModule {}
