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

const METRICS_TOKEN = 'metrics-token-for-auth-cache-0123';

/**
 * Verified keys are cached in each process; revoking one (here from the in-process app, as the CLI
 * or an admin would) must reach every other process: as soon as the announcement has arrived
 * there, the next request is refused, without waiting for the cache entry to expire.
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
      METRICS_TOKEN,
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

  /** Announcements the other process has applied to its cache (its /metrics counter). */
  const invalidationsApplied = async () => {
    const text = await fetch(`${other.baseUrl}/metrics`, {
      headers: { Authorization: `Bearer ${METRICS_TOKEN}` },
    }).then((response) => response.text());
    return Number(
      /^media_api_auth_cache_invalidations_total (\d+)/m.exec(text)?.[1],
    );
  };

  /**
   * Each process caches a verified key for 5 s (ENTRY_TTL_MS) unless an announcement drops it. So
   * that the refusal below can only come from the announcement, the key is used in the other
   * process right before the change (a fresh cache entry), and the request that must be refused is
   * the first one after the other process applied the announcement: not a poll that would also
   * pass once the entry expires. Waiting for that is waiting for a state, and it is needed: Redis
   * may answer the PUBLISH before it writes to the subscriber, and the other process may read the
   * request before the message, so "the next request after PUBLISH" is not an order either
   * process can promise.
   */
  async function afterAnnouncement(change: () => Promise<unknown>) {
    const before = await invalidationsApplied();
    await change();
    await vi.waitFor(
      async () => expect(await invalidationsApplied()).toBeGreaterThan(before),
      { timeout: 60_000, interval: 20 },
    );
  }

  it('refuses a revoked key in another process once the revocation is published', async () => {
    const ws = await t.createWorkspace();
    expect(await workspaceStatus(ws.apiKey)).toBe(200);
    // Served from the other process's cache.
    expect(await workspaceStatus(ws.apiKey)).toBe(200);
    await afterAnnouncement(() =>
      t.app.get(WorkspacesService).revokeApiKey(ws.apiKeyId),
    );
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
    await afterAnnouncement(() =>
      t.app
        .get(WorkspacesService)
        .setSubscriptionStatus(ws.workspace.id, 'past_due'),
    );
    expect(await media()).toBe(403);
  });
});
