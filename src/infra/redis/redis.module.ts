import {
  Global,
  Inject,
  Module,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Redis } from 'ioredis';
import { AppConfig } from '../../config/app-config.js';
import { RedisChannels } from './redis-channels.js';
import { RedisStatus } from './redis-status.js';
import { reconnectDelayMs } from './redis.js';

/**
 * The app's shared Redis connection (Bull opens its own). Commands fail fast instead of queueing
 * while Redis is away, every key carries REDIS_KEY_PREFIX, and commands are auto-pipelined.
 */
@Global()
@Module({
  providers: [
    RedisStatus,
    RedisChannels,
    {
      provide: Redis,
      inject: [AppConfig, RedisStatus],
      useFactory: (config: AppConfig, status: RedisStatus) => {
        const redis = new Redis(config.redisUrl, {
          keyPrefix: `${config.redisKeyPrefix}:`,
          maxRetriesPerRequest: 1,
          enableOfflineQueue: false,
          connectTimeout: 5000,
          retryStrategy: reconnectDelayMs,
          // Commands issued in the same tick (concurrent requests' rate-limit takes) leave in one
          // write and come back in one read.
          enableAutoPipelining: true,
        });
        status.watch('shared', redis);
        return redis;
      },
    },
  ],
  exports: [Redis, RedisStatus, RedisChannels],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(Redis) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
