import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The S3 event notification s3rver emits on object create/delete (one record per event). */
export interface S3EventNotification {
  Records: Array<{
    eventName: string;
    eventTime: string;
    s3: {
      bucket: { name: string };
      /** s3rver puts the raw key here; real S3 URL-encodes it (spaces as `+`). */
      object: { key: string; size?: number; eTag?: string };
    };
  }>;
}

interface S3rverOptions {
  address: string;
  port: number;
  silent: boolean;
  directory: string;
  configureBuckets: Array<{ name: string }>;
}

/** The part of s3rver (a Koa app, untyped CommonJS) the tests use. */
export interface S3rverServer {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
  on(
    event: 'event',
    listener: (notification: S3EventNotification) => void,
  ): this;
  off(
    event: 'event',
    listener: (notification: S3EventNotification) => void,
  ): this;
  httpServer?: Server;
}

const S3rver = createRequire(import.meta.url)('s3rver') as new (
  options: S3rverOptions,
) => S3rverServer;

export interface RunningS3rver {
  /** `http://127.0.0.1:<port>`; use with `forcePathStyle: true`. */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: 'S3RVER';
  secretAccessKey: 'S3RVER';
  /** Where s3rver keeps buckets and objects. */
  directory: string;
  server: S3rverServer;
  /** Calls `listener` for every event notification; returns the unsubscribe function. */
  onEvent(listener: (notification: S3EventNotification) => void): () => void;
  /** Resolves with the first notification (from now on) that `matches`, or rejects after `timeoutMs`. */
  waitForEvent(
    matches: (notification: S3EventNotification) => boolean,
    timeoutMs?: number,
  ): Promise<S3EventNotification>;
  /** Closes the server (dropping kept-alive connections) and removes its directory. */
  stop(): Promise<void>;
}

/** Starts s3rver in this process on 127.0.0.1 with a random port, a fresh directory and one bucket. */
export async function startS3rver(
  options: { bucket?: string } = {},
): Promise<RunningS3rver> {
  const bucket = options.bucket ?? 'media-test';
  const directory = await mkdtemp(join(tmpdir(), 'media-api-s3rver-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  let address: AddressInfo;
  try {
    address = await server.run();
  } catch (error) {
    await rm(directory, { recursive: true, force: true });
    throw error;
  }

  const onEvent = (
    listener: (notification: S3EventNotification) => void,
  ): (() => void) => {
    server.on('event', listener);
    return () => server.off('event', listener);
  };

  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    bucket,
    region: 'us-east-1',
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    directory,
    server,
    onEvent,
    waitForEvent: (matches, timeoutMs = 5_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          unsubscribe();
          reject(new Error(`No matching s3rver event within ${timeoutMs} ms`));
        }, timeoutMs);
        const unsubscribe = onEvent((notification) => {
          if (matches(notification)) {
            clearTimeout(timer);
            unsubscribe();
            resolve(notification);
          }
        });
      }),
    stop: async () => {
      // SDK clients keep sockets alive; without this, close() waits for them to time out.
      server.httpServer?.closeAllConnections();
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/** The environment of an app whose storage is the given s3rver bucket. */
export function s3Environment(s3: RunningS3rver): Record<string, string> {
  return {
    STORAGE_DRIVER: 's3',
    S3_BUCKET: s3.bucket,
    S3_ENDPOINT: s3.endpoint,
    S3_REGION: s3.region,
    S3_ACCESS_KEY_ID: s3.accessKeyId,
    S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
    S3_FORCE_PATH_STYLE: 'true',
  };
}
