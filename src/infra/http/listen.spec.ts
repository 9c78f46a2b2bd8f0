import { createServer, type AddressInfo, type Server } from 'node:net';
import { StartupError } from '../startup-error.js';
import { assertCanListen, explainListenError } from './listen.js';

describe('HTTP listen errors', () => {
  let occupant: Server;
  let port: number;
  beforeAll(async () => {
    occupant = createServer();
    await new Promise<void>((resolve) =>
      occupant.listen(0, '127.0.0.1', resolve),
    );
    port = (occupant.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((resolve) => occupant.close(resolve)));

  it('refuses an address in use in one line naming it and PORT/HOST', async () => {
    await expect(assertCanListen(port, '127.0.0.1')).rejects.toThrow(
      new StartupError(
        `Cannot listen on 127.0.0.1:${port} (PORT/HOST): the address is already in use by another process`,
      ),
    );
  });

  it('releases a free address for the real listener', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const free = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));

    await assertCanListen(free, '127.0.0.1');
    const server = createServer();
    await new Promise<void>((resolve) =>
      server.listen(free, '127.0.0.1', resolve),
    );
    await new Promise((resolve) => server.close(resolve));
  });

  it('explains the same failure when it comes from listen itself (the port was taken after the check)', async () => {
    const late = createServer();
    const error = await new Promise<Error>((resolve) => {
      late.once('error', resolve);
      late.listen(port, '127.0.0.1');
    });
    expect(explainListenError(error, port, '127.0.0.1')).toEqual(
      new StartupError(
        `Cannot listen on 127.0.0.1:${port} (PORT/HOST): the address is already in use by another process`,
      ),
    );
    const denied = Object.assign(
      new Error('listen EACCES: permission denied'),
      {
        code: 'EACCES',
      },
    );
    expect(explainListenError(denied, 80, '::')).toEqual(
      new StartupError(
        'Cannot listen on [::]:80 (PORT/HOST): permission denied (ports below 1024 need privileges)',
      ),
    );
  });

  it('leaves other errors as they are', () => {
    const error = new Error('boom');
    expect(explainListenError(error, 1, 'localhost')).toBe(error);
  });
});
