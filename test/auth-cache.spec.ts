import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkspacesService } from '../src/modules/workspaces/workspaces.service.js';
import { ensureBuilt } from './support/build.js';
import {
  startServerProcess,
  type ServerProcess,
} from './support/server-process.js';
import {
  freePort,
  startTestApp,
  testEnvironment,
  type TestApp,
} from './support/test-app.js';

/**
 * Verified keys are cached in each process; revoking one (here from the in-process app, as the CLI
 * or an admin would) must reach every other process at once.
 */
describe('cached authentication across processes', () => {
  let t: TestApp;
  let other: ServerProcess;
  let storageDir: string;

  beforeAll(async () => {
    await ensureBuilt();
    t = await startTestApp();
    storageDir = await mkdtemp(join(tmpdir(), 'media-api-storage-'));
    other = startServerProcess(await freePort(), {
      ...testEnvironment({ REDIS_KEY_PREFIX: t.config.redisKeyPrefix }),
      LOCAL_STORAGE_DIR: storageDir,
    });
    await other.ready();
  });
  afterAll(async () => {
    await other?.stop();
    await t?.close();
    await rm(storageDir, { recursive: true, force: true });
  });

  const workspaceStatus = (apiKey: string) =>
    fetch(`${other.baseUrl}/v1/workspace`, {
      headers: { Authorization: `Bearer ${apiKey}` },
    }).then((response) => response.status);

  async function refusedWithin(
    apiKey: string,
    status: number,
  ): Promise<number> {
    const started = Date.now();
    while ((await workspaceStatus(apiKey)) !== status) {
      if (Date.now() - started > 10_000) throw new Error('never refused');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return Date.now() - started;
  }

  it('refuses a revoked key in another process within 1 s', async () => {
    const ws = await t.createWorkspace();
    expect(await workspaceStatus(ws.apiKey)).toBe(200);
    expect(await workspaceStatus(ws.apiKey)).toBe(200);
    await t.app.get(WorkspacesService).revokeApiKey(ws.apiKeyId);
    const elapsed = await refusedWithin(ws.apiKey, 401);
    console.log(`revoked key refused by the other process after ${elapsed} ms`);
    expect(elapsed).toBeLessThan(1_000);
  });

  it('applies a subscription change in another process within 1 s', async () => {
    const ws = await t.createWorkspace();
    const media = () =>
      fetch(`${other.baseUrl}/v1/media`, {
        headers: { Authorization: `Bearer ${ws.apiKey}` },
      }).then((response) => response.status);
    expect(await media()).toBe(200);
    await t.app
      .get(WorkspacesService)
      .setSubscriptionStatus(ws.workspace.id, 'past_due');
    const started = Date.now();
    while ((await media()) !== 403) {
      if (Date.now() - started > 10_000) throw new Error('never refused');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
