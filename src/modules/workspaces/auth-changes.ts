import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Redis } from 'ioredis';
import { once } from 'node:events';
import { AppConfig } from '../../config/app-config.js';
import { reconnectDelayMs } from '../../infra/redis/redis.js';

/** What changed: one key, or every key of a workspace (its subscription). */
export type AuthChange = { apiKeyId: string } | { workspaceId: string };

const PUBLISH_WAIT_MS = 2_000;

/**
 * Tells every process that cached authentications are stale (a key was revoked, a subscription
 * changed), over Redis pub/sub: processes drop the affected entries at once. The channel is named
 * after the database the keys live in (Redis does not prefix channels), so exactly the processes
 * that read those keys hear about them.
 */
@Injectable()
export class AuthChanges implements OnApplicationShutdown {
  private readonly logger = new Logger(AuthChanges.name);
  private readonly channel: string;
  private subscriber?: Redis;
  private listener?: (change: AuthChange | null) => void;

  constructor(
    @Inject(Redis) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {
    const database = new URL(config.databaseUrl);
    this.channel = `media-api:auth-changes:${database.host}${database.pathname}`;
  }

  /**
   * Applies the change in this process at once, then announces it. Best effort: if Redis cannot be
   * reached, other processes notice within their cache's lifetime.
   */
  async publish(change: AuthChange): Promise<void> {
    this.listener?.(change);
    try {
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
      await this.redis.publish(this.channel, JSON.stringify(change));
    } catch (error) {
      this.logger.warn(
        `Could not announce ${JSON.stringify(change)} to other processes (${String(error)}); they notice within seconds`,
      );
    }
  }

  /**
   * Calls `onChange` for every change announced, and with null whenever the subscription
   * (re)connects, since changes may have been missed while it was away.
   */
  subscribe(onChange: (change: AuthChange | null) => void): void {
    this.listener = onChange;
    this.subscriber = new Redis(this.config.redisUrl, {
      retryStrategy: reconnectDelayMs,
    });
    this.subscriber.on('error', () => undefined);
    this.subscriber.on('ready', () => onChange(null));
    this.subscriber.on('message', (_channel: string, message: string) =>
      onChange(JSON.parse(message) as AuthChange),
    );
    void this.subscriber.subscribe(this.channel).catch(() => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    this.subscriber?.disconnect();
  }
}
