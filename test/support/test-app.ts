import type { NestExpressApplication } from '@nestjs/platform-express';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import {
  createMediaApiClient,
  type ApiKeyHeader,
  type MediaApiClient,
} from '../../client/index.js';
import { createHttpApplication } from '../../src/bootstrap.js';
import { loadConfig, type AppConfig } from '../../src/config/app-config.js';
import {
  API_KEY_SCOPES,
  type ApiKeyScope,
  type SubscriptionStatus,
} from '../../src/common/auth/auth-context.js';
import type { Workspace } from '../../src/modules/workspaces/workspace.entity.js';
import { WorkspacesService } from '../../src/modules/workspaces/workspaces.service.js';

/** POSTs `body` as JSON with `apiKey` as the bearer token, as a client would. */
export function postJson(
  baseUrl: string,
  apiKey: string,
  path: string,
  body: unknown,
): Promise<Response> {
  return fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${apiKey}`,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify(body),
  });
}

/** The environment a test application boots with: this run's database and Redis prefix. */
export function testEnvironment(
  overrides: Record<string, string> = {},
): Record<string, string> {
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: inject('databaseUrl'),
    REDIS_URL: inject('redisUrl'),
    REDIS_KEY_PREFIX: inject('redisKeyPrefix'),
    DEV_WORKSPACE_SEED: 'false',
    // Every app of a run shares one database; a reconciler sweeping it would act on other files'
    // hand-made states. Tests of the reconciler turn it on.
    RECONCILER_INTERVAL_SECONDS: '0',
    // Test files send far more than 100 requests a minute per workspace; the rate-limit tests
    // turn limits on.
    RATE_LIMIT_ENABLED: 'false',
    // Worker processes of a run would all claim the default probe port; tests that probe set one.
    WORKER_HEALTH_PORT: '0',
    ...overrides,
  };
}

export interface TestWorkspace {
  workspace: Workspace;
  apiKey: string;
  apiKeyId: string;
}

export interface TestApp {
  app: NestExpressApplication;
  config: AppConfig;
  baseUrl: string;
  storageDir: string;
  client(apiKey?: string, apiKeyHeader?: ApiKeyHeader): MediaApiClient;
  createWorkspace(options?: {
    subscription?: SubscriptionStatus;
    scopes?: ApiKeyScope[];
  }): Promise<TestWorkspace>;
  close(): Promise<void>;
}

/** A TCP port that was free on the loopback interface a moment ago. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Boots the real application (role `all`) on a random loopback port against real services. */
export async function startTestApp(
  overrides: Record<string, string> = {},
): Promise<TestApp> {
  const storageDir = await mkdtemp(join(tmpdir(), 'media-api-storage-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const config = loadConfig(
    testEnvironment({
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_BASE_URL: baseUrl,
      LOCAL_STORAGE_DIR: storageDir,
      // Each app gets its own queues, so no app's worker picks up another app's jobs.
      REDIS_KEY_PREFIX: `${inject('redisKeyPrefix')}-${port}`,
      ...overrides,
    }),
  );
  const app = await createHttpApplication(config);
  await app.listen(config.port, config.host);
  const workspaces = app.get(WorkspacesService);
  return {
    app,
    config,
    baseUrl,
    storageDir,
    client: (apiKey, apiKeyHeader) =>
      createMediaApiClient({ baseUrl, apiKey, apiKeyHeader }),
    async createWorkspace({
      subscription = 'active',
      scopes = [...API_KEY_SCOPES],
    } = {}) {
      const workspace = await workspaces.createWorkspace(
        `Test ${Date.now()}`,
        subscription,
      );
      const { apiKey, secret } = await workspaces.createApiKey(
        workspace.id,
        scopes,
        'test key',
      );
      return { workspace, apiKey: secret, apiKeyId: apiKey.id };
    },
    async close() {
      await app.close();
      await rm(storageDir, { recursive: true, force: true });
    },
  };
}
