import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ensureBuilt } from './support/build.js';
import {
  ROOT,
  runProcess,
  SERVER_ENTRY,
  SERVER_NODE_FLAGS,
} from './support/server-process.js';
import { testEnvironment } from './support/test-app.js';

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
  it('are the same for `npm start` (nest-cli.json) as for `npm run start:prod`', () => {
    const { exec } = JSON.parse(
      readFileSync(join(ROOT, 'nest-cli.json'), 'utf8'),
    ) as { exec: string };
    expect(SERVER_NODE_FLAGS).toContain('--max-semi-space-size=32');
    expect(exec).toBe(['node', ...SERVER_NODE_FLAGS].join(' '));
  });
});
