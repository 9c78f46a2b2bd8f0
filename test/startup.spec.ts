import { createServer, type AddressInfo } from 'node:net';
import { ensureBuilt } from './support/build.js';
import { runProcess, SERVER_ENTRY } from './support/server-process.js';
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
        [SERVER_ENTRY],
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
