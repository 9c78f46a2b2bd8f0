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
 * or an admin would) must reach every other process at once: the next request after the change is
 * published is refused, without waiting for the cache entry to expire.
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

  /*
   * Each process caches a verified key for 5 s (ENTRY_TTL_MS) unless an announcement drops it. So
   * that the refusal below can only come from the announcement, the key is used in the other
   * process right before the change (a fresh cache entry), and the request that must be refused is
   * the first one after the change was published: not a poll that would also pass once the entry
   * expires. Redis sends the announcement to the subscribers while it answers the PUBLISH that
   * revokeApiKey / setSubscriptionStatus await, so it is ahead of any request sent after them.
   */

  it('refuses a revoked key in another process once the revocation is published', async () => {
    const ws = await t.createWorkspace();
    expect(await workspaceStatus(ws.apiKey)).toBe(200);
    // Served from the other process's cache.
    expect(await workspaceStatus(ws.apiKey)).toBe(200);
    await t.app.get(WorkspacesService).revokeApiKey(ws.apiKeyId);
    expect(await workspaceStatus(ws.apiKey)).toBe(401);
  });

  it('applies a subscription change in another process once it is published', async () => {
    const ws = await t.createWorkspace();
    const media = () =>
      fetch(`${other.baseUrl}/v1/media`, {
        headers: { Authorization: `Bearer ${ws.apiKey}` },
      }).then((response) => response.status);
    expect(await media()).toBe(200);
    expect(await media()).toBe(200);
    await t.app
      .get(WorkspacesService)
      .setSubscriptionStatus(ws.workspace.id, 'past_due');
    expect(await media()).toBe(403);
  });
});
