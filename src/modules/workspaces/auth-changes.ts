import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import { RedisChannels } from '../../infra/redis/redis-channels.js';

/** What changed: one key, or every key of a workspace (its subscription). */
export type AuthChange = { apiKeyId: string } | { workspaceId: string };

/**
 * Tells every process that cached authentications are stale (a key was revoked, a subscription
 * changed), over Redis pub/sub: processes drop the affected entries at once. The channel is named
 * after the database the keys live in (Redis does not prefix channels), so exactly the processes
 * that read those keys hear about them.
 */
@Injectable()
export class AuthChanges {
  private readonly logger = new Logger(AuthChanges.name);
  private readonly channel: string;
  private listener?: (change: AuthChange | null) => void;

  constructor(
    private readonly channels: RedisChannels,
    config: AppConfig,
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
      await this.channels.publish(this.channel, JSON.stringify(change));
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
    this.channels.subscribe(
      this.channel,
      (message) => onChange(JSON.parse(message) as AuthChange),
      () => onChange(null),
    );
  }
}
