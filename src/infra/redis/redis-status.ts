import { Logger } from '@nestjs/common';
import type { EventEmitter } from 'node:events';

/**
 * Logs the Redis connection as one line per change of state (lost, restored) for the whole
 * process, however many clients (ours, Bull's) report the same outage, instead of ioredis'
 * raw "Unhandled error event" line per client and per reconnect attempt.
 */
export class RedisStatus {
  private readonly logger = new Logger('Redis');
  private readonly failing = new Set<string>();

  /** Follows `error` events of `errors` and `ready` events of `client` under `name`. */
  watch(
    name: string,
    errors: EventEmitter,
    client: EventEmitter = errors,
  ): void {
    errors.on('error', (error: Error) => this.failed(name, error));
    client.on('ready', () => this.recovered(name));
  }

  failed(name: string, error: Error): void {
    if (this.failing.size === 0) {
      this.logger.error(
        `Redis connection lost (${name}): ${error.message}; requests that need Redis answer 503 until it is back`,
      );
    }
    this.failing.add(name);
  }

  recovered(name: string): void {
    if (this.failing.delete(name) && this.failing.size === 0) {
      this.logger.log('Redis connection restored');
    }
  }
}
