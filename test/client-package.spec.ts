import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, runProcess } from './support/server-process.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** What the consumer runs: the installed package, imported by its name, against a live API. */
const CONSUMER_SCRIPT = `
import { createMediaApiClient } from '@media-api/client';
const api = createMediaApiClient({
  baseUrl: process.env.MEDIA_API_URL,
  apiKey: process.env.MEDIA_API_KEY,
});
const { data, response } = await api.GET('/v1/workspace');
console.log(JSON.stringify({ status: response.status, data }));
`;

/**
 * npm run as this machine's npm: its CA, proxy and cache settings (the registry may sit behind a
 * TLS-intercepting proxy), without the npm_* variables of an `npm test` that started this process.
 */
function npmEnvironment(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] =>
        entry[1] !== undefined && !entry[0].toLowerCase().startsWith('npm_'),
    ),
  );
}

function assertSucceeded(
  what: string,
  result: { code: number | null; stdout: string; stderr: string },
): void {
  if (result.code !== 0) {
    throw new Error(
      `${what} exited ${result.code}:\n${result.stdout}\n${result.stderr}`,
    );
  }
}

describe('client/ as the @media-api/client package', () => {
  let t: TestApp;
  let consumer: string;

  beforeAll(async () => {
    t = await startTestApp();
    // Outside the repository, so nothing resolves from the project's own node_modules.
    consumer = await mkdtemp(join(tmpdir(), 'media-api-client-consumer-'));
  });
  afterAll(async () => {
    await t?.close();
    if (consumer) await rm(consumer, { recursive: true, force: true });
  });

  it('carries the OpenAPI document version', async () => {
    const manifest = JSON.parse(
      await readFile(join(ROOT, 'client/package.json'), 'utf8'),
    ) as { version: string };
    const document = JSON.parse(
      await readFile(join(ROOT, 'openapi.json'), 'utf8'),
    ) as { info: { version: string } };
    expect(manifest.version).toBe(document.info.version);
  });

  it('builds with `npm run client`, packs, installs elsewhere and calls the API', async () => {
    assertSucceeded(
      'npm run client',
      await runProcess('npm', ['run', 'client'], npmEnvironment()),
    );
    for (const file of ['index.js', 'index.d.ts', 'schema.d.ts']) {
      expect(existsSync(join(ROOT, 'client/dist', file)), file).toBe(true);
    }

    const pack = await runProcess(
      'npm',
      ['pack', './client', '--pack-destination', consumer, '--json'],
      npmEnvironment(),
    );
    assertSucceeded('npm pack', pack);
    const [{ filename, files }] = JSON.parse(pack.stdout) as Array<{
      filename: string;
      files: Array<{ path: string }>;
    }>;
    expect(files.map((file) => file.path).sort()).toEqual([
      'README.md',
      'dist/index.d.ts',
      'dist/index.js',
      'dist/schema.d.ts',
      'dist/schema.js',
      'package.json',
    ]);

    await writeFile(
      join(consumer, 'package.json'),
      JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
    );
    await writeFile(join(consumer, 'main.js'), CONSUMER_SCRIPT);
    assertSucceeded(
      'npm install',
      await runProcess(
        'npm',
        [
          'install',
          '--prefix',
          consumer,
          '--prefer-offline',
          '--no-audit',
          '--no-fund',
          join(consumer, filename),
        ],
        npmEnvironment(),
        45_000,
      ),
    );

    const ws = await t.createWorkspace();
    const run = await runProcess(
      process.execPath,
      [join(consumer, 'main.js')],
      {
        MEDIA_API_URL: t.baseUrl,
        MEDIA_API_KEY: ws.apiKey,
      },
    );
    assertSucceeded('the consumer', run);
    expect(JSON.parse(run.stdout)).toMatchObject({
      status: 200,
      data: { id: ws.workspace.id, apiKey: { id: ws.apiKeyId } },
    });
  }, 60_000);
});
