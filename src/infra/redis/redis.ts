import { Redis } from 'ioredis';
import { StartupError } from '../startup-error.js';

/** Reconnect quickly (at most 2 s apart), so work resumes soon after Redis is back. */
export function reconnectDelayMs(attempt: number): number {
  return Math.min(attempt * 200, 2_000);
}

export function describeRedisTarget(redisUrl: string): string {
  const url = new URL(redisUrl);
  return `${url.hostname}:${url.port || '6379'}`;
}

/** Fails fast with one clear line when Redis is not answering, instead of retrying forever. */
export async function assertRedisReachable(redisUrl: string): Promise<void> {
  const probe = new Redis(redisUrl, {
    lazyConnect: true,
    connectTimeout: 5000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  // ioredis reports the socket error as an event and rejects with a generic "Connection is closed".
  let socketError: Error | undefined;
  probe.on('error', (error: Error) => (socketError = error));
  try {
    await probe.connect();
    await probe.ping();
  } catch (error) {
    throw new StartupError(
      `Redis is not reachable at ${describeRedisTarget(redisUrl)} (REDIS_URL): ${(socketError ?? (error as Error)).message}`,
    );
  } finally {
    probe.disconnect();
  }
}
