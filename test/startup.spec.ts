import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ensureBuilt } from './support/build.js';
import {
  ROOT,
  runProcess,
  SERVER_ENTRY,
  SERVER_NODE_FLAGS,
  startServerProcess,
} from './support/server-process.js';
import { freePort, testEnvironment } from './support/test-app.js';

describe('booting on an address that is already in use', () => {
  beforeAll(() => ensureBuilt());

  it('exits 1 with one line naming the address and the variables, before Nest says it started', async () => {
    const occupant = createServer();
    await new Promise<void>((resolve) =>
      occupant.listen(0, '127.0.0.1', resolve),
    );
    const { port } = occupant.address() as AddressInfo;
    try {
      const result = await runProcess(
        process.execPath,
        [...SERVER_NODE_FLAGS, SERVER_ENTRY],
        testEnvironment({
          APP_ROLE: 'all',
          PORT: String(port),
          HOST: '127.0.0.1',
          // Loud on purpose: nothing Nest would log may reach the output.
          LOG_LEVEL: 'info',
        }),
      );
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(
        `Cannot listen on 127.0.0.1:${port} (PORT/HOST): the address is already in use by another process\n`,
      );
      expect(`${result.stdout}${result.stderr}`).not.toContain(
        'successfully started',
      );
    } finally {
      await new Promise((resolve) => occupant.close(resolve));
    }
  });
});

describe('the Node flags the server runs with', () => {
  const { scripts } = JSON.parse(
    readFileSync(join(ROOT, 'package.json'), 'utf8'),
  ) as { scripts: Record<string, string> };

  it('are the same for `npm start` as for `npm run start:prod`, which start the built server itself', () => {
    expect(SERVER_NODE_FLAGS).toContain('--max-semi-space-size=32');
    expect(scripts['start:prod']).toBe(
      ['node', ...SERVER_NODE_FLAGS, 'dist/src/main.js'].join(' '),
    );
    // Compile only when stale, then `exec`: nothing (Nest's CLI, a shell) stays resident beside it.
    expect(scripts.start).toBe(
      `node scripts/ensure-built.mjs && exec ${scripts['start:prod']}`,
    );
  });

  it('are the same for `npm run start:dev` (nest-cli.json)', () => {
    const { exec } = JSON.parse(
      readFileSync(join(ROOT, 'nest-cli.json'), 'utf8'),
    ) as { exec: string };
    expect(scripts['start:dev']).toBe('nest start --watch');
    expect(exec).toBe(['node', ...SERVER_NODE_FLAGS].join(' '));
  });
});

describe('a stop signal', () => {
  beforeAll(() => ensureBuilt());

  it('is logged as it arrives and once the process has stopped, which then exits 0', async () => {
    const server = startServerProcess(
      await freePort(),
      testEnvironment({ APP_ROLE: 'api', LOG_LEVEL: 'info' }),
    );
    try {
      await server.ready();
    } finally {
      expect(await server.stop()).toEqual({ code: 0, signal: null });
    }

    // Its stdout is a pipe, not a terminal: JSON lines, as production reads them.
    const shutdownLines = server
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line.context === 'Shutdown');
    expect(shutdownLines.map(({ msg }) => msg)).toEqual([
      'SIGTERM received: finishing running requests and jobs, then exiting',
      expect.stringMatching(/^Stopped \d+ ms after SIGTERM \(exit code 0\)$/),
    ]);
  });
});
