import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Redis } from 'ioredis';
import { once } from 'node:events';
import { AppConfig } from '../../config/app-config.js';
import { RedisClient } from './redis-client.js';
import { RedisStatus } from './redis-status.js';
import { reconnectDelayMs } from './redis.js';

const PUBLISH_WAIT_MS = 2_000;

/**
 * Redis pub/sub between the processes of a deployment. A subscription has its own connection
 * (a subscribed connection can do nothing else), followed like every other client: its loss and
 * return are logged by RedisStatus, and `onReconnect` runs each time it (re)subscribes, since
 * messages sent while it was away are lost.
 */
@Injectable()
export class RedisChannels implements OnApplicationShutdown {
  private readonly logger = new Logger(RedisChannels.name);
  private readonly subscribers: Redis[] = [];

  constructor(
    @Inject(RedisClient) private readonly redis: RedisClient,
    private readonly status: RedisStatus,
    private readonly config: AppConfig,
  ) {}

  /** Publishes, waiting up to 2 s for the shared connection; throws when it cannot. */
  async publish(channel: string, message: string): Promise<void> {
    if (this.redis.status !== 'ready') {
      await Promise.race([
        once(this.redis, 'ready'),
        new Promise((_, reject) =>
          setTimeout(
            () => reject(new Error('Redis is not ready')),
            PUBLISH_WAIT_MS,
          ).unref(),
        ),
      ]);
    }
    await this.redis.publish(channel, message);
  }

  subscribe(
    channel: string,
    onMessage: (message: string) => void,
    onReconnect: () => void,
  ): void {
    const subscriber = new Redis(this.config.redisUrl, {
      retryStrategy: reconnectDelayMs,
    });
    this.subscribers.push(subscriber);
    this.status.watch(`subscription ${channel}`, subscriber);
    subscriber.on('ready', onReconnect);
    subscriber.on('message', (_channel: string, message: string) =>
      onMessage(message),
    );
    subscriber.subscribe(channel).catch((error: unknown) => {
      // ioredis subscribes again on every reconnect; this first attempt failing is only logged.
      this.logger.warn(`Could not subscribe to ${channel}: ${String(error)}`);
    });
  }

  onApplicationShutdown(): void {
    for (const subscriber of this.subscribers) {
      subscriber.disconnect();
    }
  }
}
