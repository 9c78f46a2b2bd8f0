import { mkdtemp, readFile, rm, stat, symlink, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { runCli } from '../src/cli.js';
import { ensureBuilt, isBuildCurrent } from './support/build.js';
import {
  ROOT,
  runProcess,
  SERVER_ENTRY,
  startServerProcess,
  type ServerProcess,
} from './support/server-process.js';
import {
  freePort,
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
    [['--help']],
    [['-h']],
    [['help']],
    [['workspace:create', '--help']],
  ])('prints the usage and exits 0 for %j', async (argv) => {
    const result = await cli(...argv);
    expect(result).toEqual({
      code: 0,
      stdout: expect.stringMatching(/^Usage: npm run cli -- <command>/),
      stderr: '',
    });
    expect(result.stdout).toContain('workspace:list');
  });

  it('lists every workspace, newest first', async () => {
    const older = JSON.parse(
      (await cli('workspace:create', '--name', 'Listed older', '--json'))
        .stdout,
    );
    const newer = JSON.parse(
      (
        await cli(
          'workspace:create',
          '--name',
          'Listed newer',
          '--subscription',
          'active',
          '--json',
        )
      ).stdout,
    );

    const listed = await cli('workspace:list', '--json');
    expect(listed.code).toBe(0);
    const workspaces: Array<{ id: string }> = JSON.parse(listed.stdout);
    const ids = workspaces.map((workspace) => workspace.id);
    expect(ids.indexOf(newer.id)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(newer.id)).toBeLessThan(ids.indexOf(older.id));
    expect(workspaces.find((workspace) => workspace.id === older.id)).toEqual(
      older,
    );

    const text = await cli('workspace:list');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(
      new RegExp(
        `^${newer.id}  active    ${newer.createdAt}  Listed newer$`,
        'm',
      ),
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

describe('the CLI as a command, beside a server running from dist/', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    await ensureBuilt();
    server = startServerProcess(
      await freePort(),
      testEnvironment({
        APP_ROLE: 'all',
        REDIS_KEY_PREFIX: `${inject('redisKeyPrefix')}-cli-server`,
      }),
    );
    await server.ready();
  });
  afterAll(() => server?.stop());

  // Two processes compiling and starting: minutes on a busy machine.
  it('compiles first when a source changed: incrementally, once for two callers, dist/ kept', async () => {
    const before = await stat(SERVER_ENTRY);
    const touchedAt = new Date();
    await utimes(join(ROOT, 'src/cli.ts'), touchedAt, touchedAt);
    expect(isBuildCurrent()).toBe(false);

    const runs = await Promise.all(
      [1, 2].map(() =>
        runProcess('npm', ['run', '--silent', 'cli', '--', '--help'], {}),
      ),
    );
    for (const run of runs) {
      expect(run, run.stderr).toMatchObject({ code: 0 });
      expect(run.stdout).toMatch(/^Usage: npm run cli -- <command>/);
    }
    // The caller that waited for the lock found the build current: never two compilers at once.
    expect(
      runs.filter((run) => run.stderr.includes('compiling')).length,
    ).toBeLessThanOrEqual(1);
    expect(isBuildCurrent()).toBe(true);
    expect((await stat(SERVER_ENTRY)).ino).toBe(before.ino);
    expect((await fetch(`${server.baseUrl}/health/ready`)).status).toBe(200);
  }, 300_000);

  it('runs from the existing build: two at once answer without compiling and leave dist/ and the server alone', async () => {
    const before = await stat(SERVER_ENTRY);
    const workspace = JSON.parse(
      (await cli('workspace:create', '--name', 'Beside the server', '--json'))
        .stdout,
    );

    const runs = await Promise.all(
      [1, 2].map(() =>
        runProcess(
          'npm',
          ['run', '--silent', 'cli', '--', 'workspace:list', '--json'],
          testEnvironment(),
        ),
      ),
    );
    for (const run of runs) {
      expect(run, run.stderr).toMatchObject({ code: 0 });
      const ids = (JSON.parse(run.stdout) as Array<{ id: string }>).map(
        (listed) => listed.id,
      );
      expect(ids).toContain(workspace.id);
      // Straight from the build: nothing compiled (how fast that is is for the benchmarks).
      expect(run.stderr).not.toContain('compiling');
    }

    const single = await runProcess(
      'npm',
      ['run', '--silent', 'cli', '--', 'workspace:list'],
      testEnvironment(),
    );
    expect(single.code, single.stderr).toBe(0);
    expect(single.stdout).toContain(workspace.id);

    const after = await stat(SERVER_ENTRY);
    expect({ ino: after.ino, mtimeMs: after.mtimeMs }).toEqual({
      ino: before.ino,
      mtimeMs: before.mtimeMs,
    });
    expect((await fetch(`${server.baseUrl}/health/ready`)).status).toBe(200);
  });

  it('is executable through a bin symlink, as npm installs it', async () => {
    const cliEntry = join(ROOT, 'dist/src/cli.js');
    expect(await readFile(cliEntry, 'utf8')).toMatch(
      /^#!\/usr\/bin\/env node\n/,
    );
    const binDir = await mkdtemp(join(tmpdir(), 'media-api-bin-'));
    try {
      await symlink(cliEntry, join(binDir, 'media-api'));
      const help = await runProcess(
        process.execPath,
        [join(binDir, 'media-api'), '--help'],
        {},
      );
      expect(help).toMatchObject({ code: 0, stderr: '' });
      expect(help.stdout).toMatch(/^Usage: npm run cli -- <command>/);
    } finally {
      await rm(binDir, { recursive: true, force: true });
    }
  });
});
