import { runCli } from '../src/cli.js';
import {
  startTestApp,
  testEnvironment,
  type TestApp,
} from './support/test-app.js';

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(
    argv,
    { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) },
    testEnvironment(),
  );
  return { code, stdout, stderr };
}

describe('workspace and API key CLI', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('creates a workspace and a key that then work against the API, lists and revokes it', async () => {
    const created = await cli(
      'workspace:create',
      '--name',
      'Acme Social',
      '--subscription',
      'active',
      '--json',
    );
    expect(created.code).toBe(0);
    const workspace = JSON.parse(created.stdout);
    expect(workspace).toMatchObject({
      name: 'Acme Social',
      subscriptionStatus: 'active',
    });
    expect(workspace.id).toMatch(/^ws_[0-9a-z]{24}$/);

    const keyResult = await cli(
      'apikey:create',
      '--workspace',
      workspace.id,
      '--scopes',
      'media:read,media:write',
      '--name',
      'ci',
      '--json',
    );
    expect(keyResult.code).toBe(0);
    const key = JSON.parse(keyResult.stdout);
    expect(key.key).toMatch(/^mk_live_[0-9A-Za-z]{32}$/);
    expect(key).toMatchObject({
      workspaceId: workspace.id,
      name: 'ci',
      scopes: ['media:read', 'media:write'],
      revokedAt: null,
    });

    const { data, response } = await t.client(key.key).GET('/v1/workspace');
    expect(response.status).toBe(200);
    expect(data).toMatchObject({
      id: workspace.id,
      apiKey: { id: key.id, scopes: ['media:read', 'media:write'] },
    });

    const listed = JSON.parse(
      (await cli('apikey:list', '--workspace', workspace.id, '--json')).stdout,
    );
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({
      id: key.id,
      prefix: key.key.slice(0, 12),
    });
    expect(JSON.stringify(listed)).not.toContain(key.key);

    expect((await cli('apikey:revoke', key.id)).code).toBe(0);
    expect((await t.client(key.key).GET('/v1/workspace')).response.status).toBe(
      401,
    );
  });

  it('changes a subscription status, which the API then enforces', async () => {
    const workspace = JSON.parse(
      (await cli('workspace:create', '--name', 'Lapsed', '--json')).stdout,
    );
    expect(workspace.subscriptionStatus).toBe('trialing');
    const updated = await cli(
      'workspace:set-subscription',
      workspace.id,
      'past_due',
      '--json',
    );
    expect(JSON.parse(updated.stdout).subscriptionStatus).toBe('past_due');
  });

  it('prints human output without --json and shows the key once', async () => {
    const created = await cli('workspace:create', '--name', 'Plain');
    expect(created.stdout).toMatch(
      /^Created workspace ws_[0-9a-z]{24} "Plain" \(trialing\)\n$/,
    );
  });

  it.each([
    [
      ['apikey:create', '--workspace', 'ws_nope', '--scopes', 'media:read'],
      'No workspace with id ws_nope',
    ],
    [
      ['apikey:create', '--workspace', 'ws_x', '--scopes', 'media:delete'],
      'unknown scope media:delete',
    ],
    [['workspace:create'], '--name is required'],
    [
      ['workspace:create', '--name', 'X', '--subscription', 'gold'],
      'subscription status must be one of',
    ],
    [['workspace:frobnicate'], 'unknown command workspace:frobnicate'],
    [['workspace:create', '--nme', 'typo'], "Unknown option '--nme'"],
  ])(
    'fails with exit code 1 and a clear message for %j',
    async (argv, message) => {
      const result = await cli(...argv);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(message);
    },
  );
});
