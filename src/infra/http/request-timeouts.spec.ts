import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { once } from 'node:events';
import { applyRequestTimeouts } from './listen.js';

/** Echoes how many body bytes it received, once the body is complete. */
function countingServer(): Server {
  // Node checks the header and whole-request bounds every `connectionsCheckingInterval`.
  return createServer(
    { connectionsCheckingInterval: 20 },
    (request, response) => {
      let bytes = 0;
      request.on('data', (chunk: Buffer) => (bytes += chunk.length));
      request.on('end', () => response.end(String(bytes)));
    },
  );
}

async function listening(server: Server): Promise<number> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return (server.address() as AddressInfo).port;
}

function raw(port: number): Promise<Socket> {
  const socket = connect(port, '127.0.0.1');
  return once(socket, 'connect').then(() => socket);
}

/** Everything the server sent until it closed the connection. */
async function answerOf(socket: Socket): Promise<string> {
  let text = '';
  socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
  await once(socket, 'close');
  return text;
}

describe('request timeouts', () => {
  let server: Server;
  afterEach(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('lets a body that keeps flowing run past what the whole request may take by default', async () => {
    server = countingServer();
    // Node's own cap on a whole request (5 minutes by default), made short here.
    server.requestTimeout = 150;
    applyRequestTimeouts(server, { headersTimeoutMs: 150, bodyIdleMs: 10_000 });
    const port = await listening(server);
    const upload = await raw(port);
    const answer = answerOf(upload);
    upload.write(
      'PUT /upload HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 8\r\n\r\nfirst',
    );
    // A request whose headers never end: its 408 shows the server has checked its bounds after
    // the old whole-request cap had passed for the upload too.
    const loris = await raw(port);
    const lorisAnswer = answerOf(loris);
    loris.write('GET / HTTP/1.1\r\nHost: x\r\n');
    expect(await lorisAnswer).toMatch(/^HTTP\/1\.1 408 /);
    upload.write('end');
    const text = await answer;

    expect(server.requestTimeout).toBe(0);
    expect(text).toMatch(/^HTTP\/1\.1 200 /);
    expect(text.endsWith('\r\n\r\n8')).toBe(true);
  });

  it('closes the connection of a body that stops flowing', async () => {
    server = countingServer();
    applyRequestTimeouts(server, { headersTimeoutMs: 1_000, bodyIdleMs: 100 });
    const port = await listening(server);
    const socket = await raw(port);
    const answer = answerOf(socket);
    socket.write(
      'PUT /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\npartial',
    );

    expect(await answer).toBe('');
  });

  it('still bounds how long the headers may take (slow loris)', async () => {
    server = countingServer();
    applyRequestTimeouts(server, { headersTimeoutMs: 100, bodyIdleMs: 10_000 });
    expect(server.headersTimeout).toBe(100);
    const port = await listening(server);
    const socket = await raw(port);
    const answer = answerOf(socket);
    socket.write('PUT /upload HTTP/1.1\r\nHost: x\r\n');

    expect(await answer).toMatch(/^HTTP\/1\.1 408 /);
  });
});
