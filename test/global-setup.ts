import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

const SERVER_URL =
  process.env.TEST_DATABASE_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432';
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    redisUrl: string;
    redisKeyPrefix: string;
  }
}

async function withMaintenanceClient(
  work: (client: pg.Client) => Promise<unknown>,
): Promise<void> {
  const client = new pg.Client({ connectionString: `${SERVER_URL}/postgres` });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Each test run gets its own database and Redis key prefix, so concurrent runs never collide.
 * The application under test creates and migrates the database itself, as it does in production.
 */
export default async function setup(project: TestProject) {
  const runId = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const databaseName = `media_api_test_${runId}`;
  const redisKeyPrefix = `media-api-test-${runId}`;
  project.provide('databaseUrl', `${SERVER_URL}/${databaseName}`);
  project.provide('redisUrl', REDIS_URL);
  project.provide('redisKeyPrefix', redisKeyPrefix);

  return async () => {
    await withMaintenanceClient((client) =>
      client.query(
        `DROP DATABASE IF EXISTS ${client.escapeIdentifier(databaseName)} WITH (FORCE)`,
      ),
    );
    const redis = new Redis(REDIS_URL);
    try {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(
          cursor,
          'MATCH',
          `${redisKeyPrefix}*`,
          'COUNT',
          1000,
        );
        if (keys.length > 0) {
          await redis.del(...keys);
        }
        cursor = next;
      } while (cursor !== '0');
    } finally {
      redis.disconnect();
    }
  };
}
