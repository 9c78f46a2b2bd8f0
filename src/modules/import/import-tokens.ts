import { Inject, Injectable } from '@nestjs/common';
import { RedisClient } from '../../infra/redis/redis-client.js';

/** Long enough for every retry of an import (5 attempts with backoff), short enough to go unused. */
const TOKEN_TTL_SECONDS = 60 * 60;

/**
 * Access tokens of asynchronous imports, between the request and the download. They live in Redis
 * only, under a short expiry, never in the database or in Bull job data (which Redis keeps after
 * the job ends), and are deleted as soon as their import has finished either way.
 */
@Injectable()
export class ImportTokens {
  constructor(@Inject(RedisClient) private readonly redis: RedisClient) {}

  async put(importJobId: string, token: string): Promise<void> {
    await this.redis.set(this.key(importJobId), token, 'EX', TOKEN_TTL_SECONDS);
  }

  async get(importJobId: string): Promise<string | null> {
    return this.redis.get(this.key(importJobId));
  }

  async delete(importJobId: string): Promise<void> {
    await this.redis.del(this.key(importJobId));
  }

  private key(importJobId: string): string {
    return `import-token:${importJobId}`;
  }
}
