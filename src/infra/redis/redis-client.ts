import { Redis } from 'ioredis';

/**
 * The app's shared Redis connection (RedisModule): the DI token and its type. Stores that keep
 * their data in Redis (import tokens) take it under this name, so ioredis
 * itself is imported only under `src/infra`.
 */
export const RedisClient = Redis;
export type RedisClient = Redis;
