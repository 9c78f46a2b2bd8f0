import { Logger } from '@nestjs/common';
import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import {
  createServer as createTcpServer,
  type Server as TcpServer,
} from 'node:net';
import { json, text } from 'node:stream/consumers';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { isPublicAddress } from './address-policy.js';
import { FetchError, UpstreamStatusError } from './fetch-error.js';
import { nonPublicHostMessage } from './non-public-host.js';
import {
  judgePace,
  requireSuccess,
  SafeFetcher,
  type Resolver,
} from './safe-fetcher.js';

const MiB = 1024 * 1024;
// `gc` without starting the test worker with --expose-gc, as jest-leak-detector gets it.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
/** Stands in for a public host; every server here listens on loopback only. */
const ALLOWED_IP = '127.0.0.3';

const hosts: Record<string, string[]> = {
  'files.example.test': [ALLOWED_IP],
  'other.example.test': [ALLOWED_IP],
  localhost: ['127.0.0.1'],
  'mixed.example.test': [ALLOWED_IP, '10.0.0.5'],
};

const resolve: Resolver = async (hostname) => {
  if (hostname === 'slow-dns.example.test') {
    return new Promise(() => undefined);
  }
  const addresses = hosts[hostname];
  if (!addresses) {
    throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {
      code: 'ENOTFOUND',
    });
  }
  return addresses.map((address) => ({ address, family: 4 }));
};

const isAllowedAddress = (address: string) =>
  address === ALLOWED_IP || isPublicAddress(address);

const fetcher = new SafeFetcher({ resolve, isAllowedAddress });

/** What the generator of a streamed body has handed to the socket, and whether it has stopped. */
interface StreamState {
  written: number;
  closed: Promise<void>;
}
let lastStream: StreamState | undefined;

function streamBytes(res: ServerResponse, total: number): void {
  const chunk = Buffer.alloc(64 * 1024, 0x61);
  const state: StreamState = {
    written: 0,
    closed: new Promise((done) => res.once('close', done)),
  };
  lastStream = state;
  const pump = () => {
    while (state.written < total) {
      const size = Math.min(chunk.length, total - state.written);
      state.written += size;
      if (!res.write(chunk.subarray(0, size))) {
        res.once('drain', pump);
        return;
      }
    }
    res.end();
  };
  pump();
}

function handle(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://files.example.test');
  const [, route, argument] = url.pathname.split('/');
  switch (route) {
    case 'ok':
      res.end('hello');
      return;
    case 'redirect': {
      const left = Number(argument);
      if (left === 0) {
        res.end('arrived');
        return;
      }
      res.writeHead(302, { location: `/redirect/${left - 1}` }).end();
      return;
    }
    case 'redirect-to':
      res
        .writeHead(Number(url.searchParams.get('status') ?? 302), {
          location: url.searchParams.get('url') ?? '/',
        })
        .end();
      return;
    case 'echo':
      void text(req).then((body) =>
        res.setHeader('content-type', 'application/json').end(
          JSON.stringify({
            method: req.method,
            authorization: req.headers.authorization ?? null,
            contentType: req.headers['content-type'] ?? null,
            body,
          }),
        ),
      );
      return;
    case 'status':
      res.writeHead(Number(argument)).end('no such file');
      return;
    case 'stream': {
      const bytes = Number(url.searchParams.get('bytes'));
      if (url.searchParams.has('declare')) {
        res.setHeader('content-length', bytes);
      }
      streamBytes(res, bytes);
      return;
    }
    case 'slow-headers':
      return;
    case 'stall-body':
      res.writeHead(200).write('first bytes, then silence');
      return;
    case 'trickle': {
      // One byte every `every` ms, never falling silent long enough for the idle timeout.
      const every = Number(url.searchParams.get('every') ?? 20);
      const state: StreamState = {
        written: 0,
        closed: new Promise((done) => res.once('close', done)),
      };
      lastStream = state;
      res.writeHead(200, { 'content-length': 1_000_000 });
      const timer = setInterval(() => {
        state.written += 1;
        res.write('a');
      }, every);
      res.once('close', () => clearInterval(timer));
      return;
    }
    default:
      res.writeHead(404).end();
  }
}

/**
 * Heap and ArrayBuffer bytes still reachable: measured after full collections, because how much
 * read-and-dropped chunk memory V8 lets pile up before collecting depends on the version and the
 * heap size (Node 20 collected at 30-40 MB of it; Node 24 let it reach 85-95 MB in a test worker
 * and 300 MB beside a 260 MB heap), which says nothing about what the stream holds. The second
 * collection finishes the first one's concurrent ArrayBuffer sweep, so `arrayBuffers` is settled.
 */
function retainedBytes(): number {
  collectGarbage();
  collectGarbage();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

async function listen<T extends Server | TcpServer>(
  server: T,
  host: string,
): Promise<number> {
  await new Promise<void>((done) => server.listen(0, host, done));
  const address = server.address();
  if (address === null || typeof address === 'string') {
    throw new Error('server has no port');
  }
  return address.port;
}

function stop(server: Server | TcpServer): Promise<void> {
  if ('closeAllConnections' in server) {
    server.closeAllConnections();
  }
  return new Promise((done) => server.close(() => done()));
}

async function fetchError(promise: Promise<unknown>): Promise<FetchError> {
  const outcome = await promise.then(
    () => new Error('expected the fetch to fail'),
    (error: unknown) => error,
  );
  if (!(outcome instanceof FetchError)) {
    throw outcome;
  }
  return outcome;
}

describe('SafeFetcher', () => {
  let canaryHits = 0;
  let filesHits = 0;
  let canaryPort: number;
  let filesPort: number;
  let secondFilesPort: number;
  let silentPort: number;
  let closedPort: number;
  let files: string;
  const canary = createServer((_req, res) => res.end('canary'));
  const filesServer = createServer(handle);
  const secondFilesServer = createServer(handle);
  /** Accepts connections and never answers, so a TLS handshake cannot finish. */
  const silent = createTcpServer((socket) => socket.resume());

  beforeAll(async () => {
    canary.on('connection', () => canaryHits++);
    filesServer.on('request', () => filesHits++);
    canaryPort = await listen(canary, '127.0.0.1');
    filesPort = await listen(filesServer, ALLOWED_IP);
    secondFilesPort = await listen(secondFilesServer, ALLOWED_IP);
    silentPort = await listen(silent, ALLOWED_IP);
    const closed = createTcpServer();
    closedPort = await listen(closed, ALLOWED_IP);
    await stop(closed);
    files = `http://files.example.test:${filesPort}`;
  });

  beforeEach(() => {
    canaryHits = 0;
    filesHits = 0;
  });

  afterAll(async () => {
    await fetcher.onApplicationShutdown();
    await Promise.all(
      [canary, filesServer, secondFilesServer, silent].map(stop),
    );
  });

  describe('with private addresses refused', () => {
    it.each([
      ['http://127.0.0.1:PORT/', '127.0.0.1', '127.0.0.1'],
      ['http://0.0.0.0:PORT/', '0.0.0.0', '0.0.0.0'],
      ['http://[::1]:PORT/', '[::1]', '::1'],
      ['http://[::ffff:127.0.0.1]:PORT/', '[::ffff:7f00:1]', '::ffff:7f00:1'],
      ['http://2130706433:PORT/', '127.0.0.1', '127.0.0.1'],
      ['http://0x7f.1:PORT/', '127.0.0.1', '127.0.0.1'],
      ['http://0177.0.0.1:PORT/', '127.0.0.1', '127.0.0.1'],
      ['http://127.1:PORT/', '127.0.0.1', '127.0.0.1'],
    ])(
      'refuses the literal %s (parsed as %s) without connecting',
      async (template, parsedHost, address) => {
        const url = template.replace('PORT', String(canaryPort));
        expect(new URL(url).hostname).toBe(parsedHost);

        const error = await fetchError(fetcher.fetch(url));

        expect(error.kind).toBe('blocked_address');
        expect(error.message).toBe(
          nonPublicHostMessage(address, { nameSetting: false }),
        );
        expect(canaryHits).toBe(0);
      },
    );

    it('refuses a name that resolves to loopback without connecting', async () => {
      const error = await fetchError(
        fetcher.fetch(`http://localhost:${canaryPort}/`),
      );

      expect(error.kind).toBe('blocked_address');
      expect(error.message).toBe(
        nonPublicHostMessage('localhost', { nameSetting: false }),
      );
      expect(error.message).not.toContain('127.0.0.1');
      expect(canaryHits).toBe(0);
    });

    it('refuses a name when any one of its addresses is private, naming the address only in the log', async () => {
      const warn = vi
        .spyOn(Logger.prototype, 'warn')
        .mockImplementation(() => {});
      try {
        const error = await fetchError(
          fetcher.fetch(`http://mixed.example.test:${filesPort}/ok`),
        );

        expect(error.kind).toBe('blocked_address');
        expect(error.message).toBe(
          nonPublicHostMessage('mixed.example.test', { nameSetting: false }),
        );
        expect(error.message).not.toContain('10.0.0.5');
        expect(warn).toHaveBeenCalledWith(
          'Refused mixed.example.test: it resolves to the non-public address 10.0.0.5',
        );
        expect(filesHits).toBe(0);
      } finally {
        warn.mockRestore();
      }
    });

    it.each([
      'http://127.0.0.1:PORT/',
      'http://localhost:PORT/',
      'http://2130706433:PORT/',
      'http://[::ffff:127.0.0.1]:PORT/',
    ])(
      'checks a redirect from an allowed host to %s like the first hop',
      async (template) => {
        const target = template.replace('PORT', String(canaryPort));

        const error = await fetchError(
          fetcher.fetch(
            `${files}/redirect-to?url=${encodeURIComponent(target)}`,
          ),
        );

        expect(error.kind).toBe('blocked_address');
        expect(filesHits).toBe(1);
        expect(canaryHits).toBe(0);
      },
    );

    it.each([
      [
        'file:///etc/passwd',
        'only http and https URLs can be fetched, not file',
      ],
      [
        'ftp://files.example.test/x',
        'only http and https URLs can be fetched, not ftp',
      ],
      [
        'gopher://files.example.test:PORT/_GET',
        'only http and https URLs can be fetched, not gopher',
      ],
      [
        'http://user:pass@files.example.test:PORT/ok',
        'URLs with a user name or password are not accepted',
      ],
      [
        'http://user@files.example.test:PORT/ok',
        'URLs with a user name or password are not accepted',
      ],
      ['not a url', 'the URL is not valid'],
    ])('refuses %s as an invalid URL', async (template, message) => {
      const error = await fetchError(
        fetcher.fetch(template.replace('PORT', String(filesPort))),
      );

      expect(error.kind).toBe('invalid_url');
      expect(error.message).toBe(message);
      expect(filesHits).toBe(0);
      expect(canaryHits).toBe(0);
    });

    it('refuses a redirect to another scheme', async () => {
      const error = await fetchError(
        fetcher.fetch(`${files}/redirect-to?url=file:///etc/passwd`),
      );

      expect(error.kind).toBe('invalid_url');
    });

    it('reaches an allowed host by name and by literal', async () => {
      const byName = requireSuccess(await fetcher.fetch(`${files}/ok`));
      const byLiteral = requireSuccess(
        await fetcher.fetch(`http://${ALLOWED_IP}:${filesPort}/ok`),
      );

      expect(byName.status).toBe(200);
      expect(byName.url).toBe(`${files}/ok`);
      expect(byName.contentLength).toBe(5);
      expect(byName.headers['content-length']).toBe('5');
      expect(await text(byName.body)).toBe('hello');
      expect(await text(byLiteral.body)).toBe('hello');
    });
  });

  describe('streaming and the byte cap', () => {
    it('streams 200 MB generated on the fly with flat memory', async () => {
      const total = 200 * MiB;
      const response = requireSuccess(
        await fetcher.fetch(`${files}/stream?bytes=${total}`),
      );
      expect(response.contentLength).toBeUndefined();
      const sender = lastStream!;
      const baseline = retainedBytes();
      let peakRetained = 0;
      let peakInFlight = 0;
      let received = 0;
      let nextLook = 0;

      for await (const chunk of response.body as AsyncIterable<Buffer>) {
        received += chunk.length;
        peakInFlight = Math.max(peakInFlight, sender.written - received);
        if (received >= nextLook) {
          peakRetained = Math.max(peakRetained, retainedBytes() - baseline);
          nextLook += 20 * MiB;
        }
      }

      expect(received).toBe(total);
      // Sent but not yet read: the sockets' buffers and a chunk or two in the streams. A body
      // buffered anywhere on the way would let the sender run up to 200 MB ahead.
      expect(peakInFlight).toBeLessThan(16 * MiB);
      // Chunks already read must be collectable: a body kept in memory would add all 200 MB here.
      expect(peakRetained).toBeLessThan(16 * MiB);
    });

    it('reads only as fast as the consumer: an unread body holds the sender back', async () => {
      const total = 50 * MiB;
      const response = await fetcher.fetch(`${files}/stream?bytes=${total}`);
      const sender = lastStream!;
      await new Promise((done) => setTimeout(done, 300));

      expect(sender.written).toBeLessThan(16 * MiB);

      response.release();
      await sender.closed;
      expect(sender.written).toBeLessThan(total);
    });

    it('fails a body without Content-Length mid-stream once it passes the cap', async () => {
      const response = await fetcher.fetch(
        `${files}/stream?bytes=${50 * MiB}`,
        { maxBytes: MiB },
      );
      expect(response.contentLength).toBeUndefined();
      let received = 0;

      const error = await fetchError(
        (async () => {
          for await (const chunk of response.body as AsyncIterable<Buffer>) {
            received += chunk.length;
          }
        })(),
      );

      expect(error.kind).toBe('too_large');
      expect(error.message).toBe('the file is larger than the 1 MB limit');
      expect(received).toBeLessThanOrEqual(MiB);
      await lastStream!.closed;
      expect(lastStream!.written).toBeLessThan(50 * MiB);
    });

    it('accepts a body of exactly the cap', async () => {
      const response = await fetcher.fetch(`${files}/stream?bytes=${MiB}`, {
        maxBytes: MiB,
      });

      expect((await text(response.body)).length).toBe(MiB);
    });

    it('refuses a declared Content-Length above the cap before reading', async () => {
      const error = await fetchError(
        fetcher.fetch(`${files}/stream?bytes=${2 * MiB}&declare`, {
          maxBytes: MiB,
        }),
      );

      expect(error.kind).toBe('too_large');
      expect(error.message).toBe('the file is 2 MB, above the 1 MB limit');
      await lastStream!.closed;
    });
  });

  describe('redirects', () => {
    it('follows up to 5 redirects and refuses the 6th', async () => {
      const followed = await fetcher.fetch(`${files}/redirect/5`);
      expect(followed.status).toBe(200);
      expect(followed.url).toBe(`${files}/redirect/0`);
      expect(await text(followed.body)).toBe('arrived');

      const error = await fetchError(fetcher.fetch(`${files}/redirect/6`));
      expect(error.kind).toBe('too_many_redirects');
      expect(error.message).toBe('the source redirected more than 5 times');
    });

    it('takes a per-call limit', async () => {
      const error = await fetchError(
        fetcher.fetch(`${files}/redirect/3`, { maxRedirects: 2 }),
      );

      expect(error.kind).toBe('too_many_redirects');
    });

    it('returns the 3xx itself with maxRedirects 0', async () => {
      const response = await fetcher.fetch(`${files}/redirect/1`, {
        maxRedirects: 0,
      });

      expect(response.status).toBe(302);
      expect(response.headers.location).toBe('/redirect/0');
      response.release();
    });

    it('keeps Authorization on a same-origin redirect', async () => {
      const response = await fetcher.fetch(`${files}/redirect-to?url=/echo`, {
        headers: { Authorization: 'Bearer import-token' },
      });

      expect(await json(response.body)).toMatchObject({
        authorization: 'Bearer import-token',
      });
    });

    it.each([
      ['another host', () => `http://other.example.test:${filesPort}/echo`],
      [
        'another port',
        () => `http://files.example.test:${secondFilesPort}/echo`,
      ],
    ])('drops Authorization on a redirect to %s', async (_, target) => {
      const response = await fetcher.fetch(
        `${files}/redirect-to?url=${encodeURIComponent(target())}`,
        { headers: { Authorization: 'Bearer import-token' } },
      );

      expect(response.url).toBe(target());
      expect(await json(response.body)).toMatchObject({
        authorization: null,
      });
    });

    it('turns a POST into a GET on 302 and keeps it on 307, as browsers do', async () => {
      const post = {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"event":"media.uploaded"}',
      };

      const after302 = await fetcher.fetch(
        `${files}/redirect-to?url=/echo`,
        post,
      );
      const after307 = await fetcher.fetch(
        `${files}/redirect-to?status=307&url=/echo`,
        post,
      );

      expect(await json(after302.body)).toEqual({
        method: 'GET',
        authorization: null,
        contentType: null,
        body: '',
      });
      expect(await json(after307.body)).toEqual({
        method: 'POST',
        authorization: null,
        contentType: 'application/json',
        body: '{"event":"media.uploaded"}',
      });
    });
  });

  describe('timeouts', () => {
    it('gives up on a connection that does not complete', async () => {
      const error = await fetchError(
        fetcher.fetch(`https://files.example.test:${silentPort}/`, {
          timeouts: { connectMs: 200 },
        }),
      );

      expect(error.kind).toBe('timeout');
      expect(error.message).toBe(
        'connecting to files.example.test timed out after 200 ms',
      );
    });

    it('counts a hanging DNS lookup against the connect timeout', async () => {
      const error = await fetchError(
        fetcher.fetch('http://slow-dns.example.test/', {
          timeouts: { connectMs: 200 },
        }),
      );

      expect(error.kind).toBe('timeout');
    });

    it('gives up when the response headers do not come', async () => {
      const error = await fetchError(
        fetcher.fetch(`${files}/slow-headers`, {
          timeouts: { headersMs: 200 },
        }),
      );

      expect(error.kind).toBe('timeout');
      expect(error.message).toBe('the source did not answer within 200 ms');
    });

    it('fails the body when no bytes arrive for the idle timeout', async () => {
      const response = await fetcher.fetch(`${files}/stall-body`, {
        timeouts: { bodyIdleMs: 200 },
      });

      const error = await fetchError(text(response.body));

      expect(error.kind).toBe('timeout');
      expect(error.message).toBe('the download stalled: no data for 200 ms');
    });

    it('uses the defaults given to the constructor', async () => {
      const impatient = new SafeFetcher({
        resolve,
        isAllowedAddress,
        timeouts: { headersMs: 200 },
      });

      const error = await fetchError(impatient.fetch(`${files}/slow-headers`));

      expect(error.message).toBe('the source did not answer within 200 ms');
      await impatient.onApplicationShutdown();
    });
  });

  describe('deadline and least rate', () => {
    const pace = { minBytesPerSecond: 1000, graceMs: 10_000 };

    it('judges a body fine during its grace period, however little it sent', () => {
      expect(judgePace(pace, 0, 9_999)).toEqual({ checkAgainInMs: 1 });
    });

    it('looks again when the bytes received stop covering the time passed', () => {
      expect(judgePace(pace, 15_000, 10_000)).toEqual({
        checkAgainInMs: 5_000,
      });
      expect(judgePace(pace, 15_000, 14_999)).toEqual({ checkAgainInMs: 1 });
    });

    it('fails a body whose average after the grace period is below the minimum, saying so', () => {
      const verdict = judgePace(
        { minBytesPerSecond: 16_384, graceMs: 10_000 },
        12,
        60_004,
      );

      expect('tooSlow' in verdict && verdict.tooSlow).toMatchObject({
        kind: 'too_slow',
        message:
          'the source sent 12 bytes in 60 s, below the minimum of 16 KB per second',
      });
    });

    it('fails a body that trickles below the least rate once the grace period is over', async () => {
      const response = await fetcher.fetch(`${files}/trickle`, {
        pace: { minBytesPerSecond: 1000, graceMs: 200 },
      });

      const error = await fetchError(text(response.body));

      expect(error.kind).toBe('too_slow');
      expect(error.message).toMatch(
        /^the source sent \d+ bytes in \d+ ms, below the minimum of 1000 bytes per second$/,
      );
      await lastStream!.closed;
    });

    it('fails a fetch that outlasts its deadline, even while the body keeps the minimum rate', async () => {
      const response = await fetcher.fetch(`${files}/trickle?every=1`, {
        pace: { deadlineMs: 300, minBytesPerSecond: 10, graceMs: 0 },
      });

      const error = await fetchError(text(response.body));

      expect(error.kind).toBe('too_slow');
      expect(error.message).toBe('the download took longer than 300 ms');
      await lastStream!.closed;
    });

    it('counts the wait for the headers against the deadline', async () => {
      const error = await fetchError(
        fetcher.fetch(`${files}/slow-headers`, { pace: { deadlineMs: 200 } }),
      );

      expect(error.kind).toBe('too_slow');
      expect(error.message).toBe('the download took longer than 200 ms');
    });

    it('leaves a body alone once it has ended, and a rate of 0 turns the rule off', async () => {
      const response = await fetcher.fetch(`${files}/ok`, {
        pace: { deadlineMs: 100, minBytesPerSecond: 0 },
      });

      expect(await text(response.body)).toBe('hello');
    });

    it("still surfaces the caller's abort reason with the deadline running", async () => {
      const controller = new AbortController();
      const response = await fetcher.fetch(`${files}/trickle`, {
        signal: controller.signal,
      });
      const reason = new Error('client went away');

      controller.abort(reason);

      await expect(text(response.body)).rejects.toBe(reason);
      await lastStream!.closed;
    });
  });

  describe('failures', () => {
    it('reports a name that does not resolve', async () => {
      const error = await fetchError(
        fetcher.fetch('https://nowhere.example.test/file.jpg'),
      );

      expect(error.kind).toBe('dns_failure');
      expect(error.message).toBe(
        'the host nowhere.example.test could not be resolved',
      );
    });

    it('reports a refused connection', async () => {
      const error = await fetchError(
        fetcher.fetch(`http://files.example.test:${closedPort}/`),
      );

      expect(error.kind).toBe('connect_failed');
      expect(error.message).toBe('could not connect to files.example.test');
    });

    it('hands any status to the caller, and requireSuccess turns non-2xx into UpstreamStatusError', async () => {
      const response = await fetcher.fetch(`${files}/status/404`);
      expect(response.status).toBe(404);

      const error = (() => {
        try {
          requireSuccess(response);
        } catch (thrown) {
          return thrown;
        }
      })();

      expect(error).toBeInstanceOf(UpstreamStatusError);
      expect(error).toMatchObject({
        kind: 'upstream_status',
        status: 404,
        message: 'the source answered 404',
      });
      expect(response.body.destroyed).toBe(true);
    });

    it("surfaces the caller's abort reason", async () => {
      const controller = new AbortController();
      const response = await fetcher.fetch(`${files}/stall-body`, {
        signal: controller.signal,
      });
      const reason = new Error('job cancelled');

      controller.abort(reason);

      await expect(text(response.body)).rejects.toBe(reason);
    });
  });

  describe('assertReachable', () => {
    it.each([
      ['https://127.0.0.1/hook', 'blocked_address'],
      ['https://[::1]/hook', 'blocked_address'],
      ['https://2130706433/hook', 'blocked_address'],
      ['https://localhost/hook', 'blocked_address'],
      ['https://mixed.example.test/hook', 'blocked_address'],
      ['https://nowhere.example.test/hook', 'dns_failure'],
      ['https://user:pass@files.example.test/hook', 'invalid_url'],
      ['ftp://files.example.test/hook', 'invalid_url'],
    ])('refuses %s (%s) without connecting', async (url, kind) => {
      const error = await fetchError(fetcher.assertReachable(url));

      expect(error.kind).toBe(kind);
      expect(canaryHits + filesHits).toBe(0);
    });

    it('accepts an allowed host by name and by literal, sending nothing', async () => {
      const byName = await fetcher.assertReachable(`${files}/hook`);
      await fetcher.assertReachable(`http://${ALLOWED_IP}:${filesPort}/hook`);

      expect(byName.href).toBe(`${files}/hook`);
      expect(filesHits).toBe(0);
    });

    it('gives up on a lookup that does not answer within the connect timeout', async () => {
      const quick = new SafeFetcher({
        resolve,
        isAllowedAddress,
        timeouts: { connectMs: 200 },
      });
      const error = await fetchError(
        quick.assertReachable('https://slow-dns.example.test/hook'),
      );

      expect(error.kind).toBe('timeout');
      expect(error.message).toBe(
        'resolving slow-dns.example.test timed out after 200 ms',
      );
    });
  });

  describe('checkWithoutResolving', () => {
    it.each([
      ['http://127.0.0.1:8080/a.png', '127.0.0.1'],
      ['http://[::1]/a.png', '::1'],
      ['http://localhost:8080/a.png', 'localhost'],
      ['https://printer.internal/a.png', 'printer.internal'],
    ])('refuses %s by its host, resolving nothing', (url, host) => {
      let error: unknown;
      try {
        fetcher.checkWithoutResolving(url);
      } catch (thrown) {
        error = thrown;
      }

      expect(error).toBeInstanceOf(FetchError);
      expect(error).toMatchObject({
        kind: 'blocked_address',
        message: nonPublicHostMessage(host, { nameSetting: false }),
      });
    });

    it('accepts an allowed literal and a name it cannot judge without resolving', () => {
      expect(
        fetcher.checkWithoutResolving(`http://${ALLOWED_IP}/a.png`).hostname,
      ).toBe(ALLOWED_IP);
      expect(
        fetcher.checkWithoutResolving('https://nowhere.example.test/a').href,
      ).toBe('https://nowhere.example.test/a');
    });

    it('refuses credentials and other schemes as fetch does', () => {
      expect(() =>
        fetcher.checkWithoutResolving('https://user:pw@files.example.test/'),
      ).toThrow('URLs with a user name or password are not accepted');
      expect(() =>
        fetcher.checkWithoutResolving('ftp://files.example.test/'),
      ).toThrow('only http and https URLs can be fetched, not ftp');
    });
  });

  describe('outside production (nameAllowSetting)', () => {
    const developer = new SafeFetcher({
      resolve,
      isAllowedAddress,
      nameAllowSetting: true,
    });

    afterAll(() => developer.onApplicationShutdown());

    it.each([
      'http://127.0.0.1:PORT/',
      'http://localhost:PORT/',
      'http://files.example.test:FILES/redirect-to?url=http%3A%2F%2F127.0.0.1%3APORT%2F',
    ])(
      'names FETCH_ALLOW_PRIVATE_ADDRESSES when refusing %s',
      async (template) => {
        const error = await fetchError(
          developer.fetch(
            template
              .replaceAll('PORT', String(canaryPort))
              .replace('FILES', String(filesPort)),
          ),
        );

        expect(error.kind).toBe('blocked_address');
        expect(error.message).toContain('FETCH_ALLOW_PRIVATE_ADDRESSES=true');
        expect(canaryHits).toBe(0);
      },
    );

    it('names it in checkWithoutResolving too', () => {
      expect(() =>
        developer.checkWithoutResolving('http://localhost:3000/'),
      ).toThrow(nonPublicHostMessage('localhost', { nameSetting: true }));
    });
  });

  describe('with FETCH_ALLOW_PRIVATE_ADDRESSES on', () => {
    const permissive = new SafeFetcher({
      allowPrivateAddresses: true,
      resolve,
    });

    afterAll(() => permissive.onApplicationShutdown());

    it('reaches a loopback server by literal and by name', async () => {
      const byLiteral = await permissive.fetch(
        `http://127.0.0.1:${canaryPort}/`,
      );
      const byName = await permissive.fetch(`http://localhost:${canaryPort}/`);

      expect(await text(byLiteral.body)).toBe('canary');
      expect(await text(byName.body)).toBe('canary');
      expect(canaryHits).toBeGreaterThan(0);
    });

    it('lets assertReachable accept loopback, but not a name that does not resolve', async () => {
      await permissive.assertReachable(`http://localhost:${canaryPort}/`);
      const error = await fetchError(
        permissive.assertReachable('https://nowhere.example.test/'),
      );

      expect(error.kind).toBe('dns_failure');
      expect(canaryHits).toBe(0);
    });

    it('still refuses other schemes and credentials in the URL', async () => {
      const error = await fetchError(
        permissive.fetch(`http://user:pass@127.0.0.1:${canaryPort}/`),
      );

      expect(error.kind).toBe('invalid_url');
      expect(canaryHits).toBe(0);
    });
  });
});
