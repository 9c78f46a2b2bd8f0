import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import { lookup as systemLookup } from 'node:dns/promises';
import type { IncomingHttpHeaders } from 'node:http';
import { isIP, type LookupFunction } from 'node:net';
import { Transform, type Readable } from 'node:stream';
import { Agent, type Dispatcher } from 'undici';
import { formatBytes } from '../../lib/bytes.js';
import { isPublicAddress, isPublicHostLiteral } from './address-policy.js';
import { FetchError, UpstreamStatusError } from './fetch-error.js';
import { nonPublicHostMessage } from './non-public-host.js';

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Resolves a host name to every address it has; tests inject one that never leaves loopback. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export interface FetchTimeouts {
  /** DNS resolution plus TCP (and TLS) handshake. */
  connectMs: number;
  /** From sending the request to the last response header. */
  headersMs: number;
  /** Longest silence between two chunks of the body. */
  bodyIdleMs: number;
}

/**
 * How slow a fetch may be as a whole, so a source trickling bytes cannot hold a download (and the
 * import slot or request behind it) for hours while never going silent long enough for `bodyIdleMs`.
 */
export interface FetchPace {
  /** The whole fetch, from the first connection to the body's last byte, redirects included. */
  deadlineMs: number;
  /**
   * The least average rate of the body, counted from its headers, once `graceMs` has passed; 0
   * turns the rule off. Bytes are counted as they are read, so a consumer that reads slower than
   * this is held to it as well.
   */
  minBytesPerSecond: number;
  graceMs: number;
}

export interface SafeFetcherOptions {
  /** Development and tests only: skip the address check entirely. */
  allowPrivateAddresses?: boolean;
  /**
   * Refusals of non-public hosts name FETCH_ALLOW_PRIVATE_ADDRESSES, the setting that allows them;
   * for servers where it can be turned on (outside production).
   */
  nameAllowSetting?: boolean;
  resolve?: Resolver;
  /** Which resolved or literal addresses may be contacted; `isPublicAddress` by default. */
  isAllowedAddress?: (address: string) => boolean;
  timeouts?: Partial<FetchTimeouts>;
  pace?: Partial<FetchPace>;
  maxBytes?: number;
  maxRedirects?: number;
}

export interface FetchRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Redirects to follow before failing with `too_many_redirects`; 0 returns any 3xx as is. */
  maxRedirects?: number;
  maxBytes?: number;
  timeouts?: Partial<FetchTimeouts>;
  pace?: Partial<FetchPace>;
  signal?: AbortSignal;
}

export interface FetchResponse {
  status: number;
  /** Lower-cased names, as undici delivers them. */
  headers: IncomingHttpHeaders;
  /** The URL that answered, after redirects. */
  url: string;
  /** Errors with a `FetchError` (`too_large`, `timeout`, `too_slow`, `upstream_failed`) mid-stream. */
  body: Readable;
  contentLength?: number;
  /** Stops reading and closes the connection; safe to call at any time, also after the end. */
  release(): void;
}

export const DEFAULT_FETCH_TIMEOUTS: FetchTimeouts = {
  connectMs: 10_000,
  headersMs: 30_000,
  bodyIdleMs: 30_000,
};
export const DEFAULT_FETCH_PACE: FetchPace = {
  deadlineMs: 900_000,
  minBytesPerSecond: 16_384,
  graceMs: 10_000,
};
/** The largest single file the API accepts (a video). */
export const DEFAULT_MAX_BYTES = 500 * 1024 * 1024;
export const DEFAULT_MAX_REDIRECTS = 5;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** Headers that carry the caller's credentials for the first origin and must not follow a redirect elsewhere. */
const CREDENTIAL_HEADERS = ['authorization', 'cookie', 'proxy-authorization'];
const BODY_HEADERS = ['content-type', 'content-length', 'content-encoding'];

interface Limits {
  timeouts: FetchTimeouts;
  pace: FetchPace;
  maxBytes: number;
  maxRedirects: number;
  /** The caller's signal joined with the fetch's deadline. */
  signal: AbortSignal;
  /** Stops the deadline's timer: once the fetch has failed, or its body has closed. */
  settle(): void;
}

type UndiciResponse = Dispatcher.ResponseData;

interface Hop {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body?: string | Buffer;
}

async function systemResolve(hostname: string): Promise<ResolvedAddress[]> {
  return systemLookup(hostname, { all: true });
}

/**
 * The only outbound HTTP client of the app (URL uploads, imports, Drive, template images,
 * webhooks). Every address contacted is checked: names are resolved inside the connection's own
 * `lookup`, so the socket connects to exactly the addresses that passed the check and no second
 * resolution can swap them (DNS rebinding); IP literals, which never reach `lookup`, are checked
 * before dispatch. Redirects are followed by hand so each hop goes through the same checks.
 */
export class SafeFetcher implements OnApplicationShutdown {
  private readonly logger = new Logger(SafeFetcher.name);
  private readonly resolve: Resolver;
  private readonly isAllowedAddress: (address: string) => boolean;
  private readonly allowPrivateAddresses: boolean;
  private readonly nameAllowSetting: boolean;
  private readonly defaults: Omit<Limits, 'signal' | 'settle'>;
  /** undici sets the connect timeout per Agent, so there is one Agent per timeout value in use. */
  private readonly agents = new Map<number, Agent>();

  constructor(options: SafeFetcherOptions = {}) {
    this.resolve = options.resolve ?? systemResolve;
    this.allowPrivateAddresses = options.allowPrivateAddresses ?? false;
    this.nameAllowSetting = options.nameAllowSetting ?? false;
    this.isAllowedAddress = options.allowPrivateAddresses
      ? () => true
      : (options.isAllowedAddress ?? isPublicAddress);
    this.defaults = {
      timeouts: { ...DEFAULT_FETCH_TIMEOUTS, ...options.timeouts },
      pace: { ...DEFAULT_FETCH_PACE, ...options.pace },
      maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
      maxRedirects: options.maxRedirects ?? DEFAULT_MAX_REDIRECTS,
    };
  }

  async fetch(
    url: string | URL,
    request: FetchRequest = {},
  ): Promise<FetchResponse> {
    const pace = { ...this.defaults.pace, ...request.pace };
    const deadline = new AbortController();
    const timer = setTimeout(
      () =>
        deadline.abort(
          new FetchError(
            'too_slow',
            `the download took longer than ${formatDuration(pace.deadlineMs)}`,
          ),
        ),
      pace.deadlineMs,
    ).unref();
    const limits: Limits = {
      timeouts: { ...this.defaults.timeouts, ...request.timeouts },
      pace,
      maxBytes: request.maxBytes ?? this.defaults.maxBytes,
      maxRedirects: request.maxRedirects ?? this.defaults.maxRedirects,
      signal: request.signal
        ? AbortSignal.any([request.signal, deadline.signal])
        : deadline.signal,
      settle: () => clearTimeout(timer),
    };
    try {
      return await this.follow(url, request, limits);
    } catch (error) {
      limits.settle();
      throw error;
    }
  }

  private async follow(
    url: string | URL,
    request: FetchRequest,
    limits: Limits,
  ): Promise<FetchResponse> {
    let hop: Hop = {
      url: parseTarget(String(url)),
      method: (request.method ?? 'GET').toUpperCase(),
      headers: Object.fromEntries(
        Object.entries(request.headers ?? {}).map(([name, value]) => [
          name.toLowerCase(),
          value,
        ]),
      ),
      body: request.body,
    };
    for (let redirects = 0; ; redirects++) {
      const response = await this.send(hop, limits);
      const location = response.headers.location;
      if (
        !REDIRECT_STATUSES.has(response.statusCode) ||
        typeof location !== 'string' ||
        limits.maxRedirects === 0
      ) {
        return toFetchResponse(response, hop.url, limits);
      }
      discard(response.body);
      if (redirects >= limits.maxRedirects) {
        throw new FetchError(
          'too_many_redirects',
          `the source redirected more than ${limits.maxRedirects} times`,
        );
      }
      hop = nextHop(hop, response.statusCode, location);
    }
  }

  /**
   * Checks, without sending anything, that `fetch` would contact `url`: http(s) without
   * credentials, on a host that is, or resolves only to, allowed addresses. For URLs kept to be
   * fetched later (webhook endpoints), so a bad one is refused when it is given; `fetch` checks
   * again on every connection, since what a name resolves to can change.
   */
  async assertReachable(url: string | URL): Promise<URL> {
    const target = parseTarget(String(url));
    this.checkLiteralHost(target);
    const host = bareHost(target);
    if (isIP(host) === 0) {
      const timeoutMs = this.defaults.timeouts.connectMs;
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          this.resolveAllowed(host),
          new Promise<never>((_, reject) => {
            timer = setTimeout(
              () =>
                reject(
                  new FetchError(
                    'timeout',
                    `resolving ${host} timed out after ${formatDuration(timeoutMs)}`,
                  ),
                ),
              timeoutMs,
            );
          }),
        ]);
      } finally {
        clearTimeout(timer);
      }
    }
    return target;
  }

  /** After every `onModuleDestroy`, where running imports finish (see JobRunner). */
  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.agents.values()].map((agent) => agent.close()));
  }

  private async send(hop: Hop, limits: Limits): Promise<UndiciResponse> {
    this.checkLiteralHost(hop.url);
    const { timeouts } = limits;
    try {
      return await this.agentFor(timeouts.connectMs).request({
        origin: hop.url.origin,
        path: `${hop.url.pathname}${hop.url.search}`,
        method: hop.method,
        headers: hop.headers,
        body: hop.body,
        signal: limits.signal,
        headersTimeout: timeouts.headersMs,
        bodyTimeout: timeouts.bodyIdleMs,
      });
    } catch (error) {
      throw translateError(error, hop.url, limits);
    }
  }

  /**
   * Refuses what can be told from the URL alone, sending and resolving nothing: not http(s),
   * credentials, an IP literal outside the allowed addresses, or a name kept for internal hosts
   * (`localhost`, `*.internal`, …). For URLs fetched later (imports), so the caller hears at once
   * what the download would be refused for, in the same words.
   */
  checkWithoutResolving(url: string | URL): URL {
    const target = parseTarget(String(url));
    this.checkLiteralHost(target);
    if (
      !this.allowPrivateAddresses &&
      isIP(bareHost(target)) === 0 &&
      !isPublicHostLiteral(target.hostname)
    ) {
      throw this.blockedHost(target.hostname);
    }
    return target;
  }

  /** Node connects to an IP-literal host without calling `lookup`, so literals are checked here. */
  private checkLiteralHost(url: URL): void {
    const host = bareHost(url);
    if (isIP(host) !== 0 && !this.isAllowedAddress(host)) {
      throw this.blockedHost(host);
    }
  }

  private blockedHost(host: string): FetchError {
    return new FetchError(
      'blocked_address',
      nonPublicHostMessage(host, { nameSetting: this.nameAllowSetting }),
    );
  }

  private agentFor(connectMs: number): Agent {
    let agent = this.agents.get(connectMs);
    if (!agent) {
      agent = new Agent({
        connect: { lookup: this.lookup, timeout: connectMs },
      });
      this.agents.set(connectMs, agent);
    }
    return agent;
  }

  /**
   * Runs inside `net.connect`/`tls.connect`: whatever this hands back is what the socket dials,
   * which is what pins the checked addresses to the connection.
   */
  private readonly lookup: LookupFunction = (hostname, options, callback) => {
    this.resolveAllowed(hostname).then(
      (addresses) => {
        if (options.all) {
          callback(null, addresses);
        } else {
          callback(null, addresses[0].address, addresses[0].family);
        }
      },
      (error: unknown) => callback(toError(error), ''),
    );
  };

  private async resolveAllowed(hostname: string): Promise<ResolvedAddress[]> {
    let addresses: ResolvedAddress[];
    try {
      addresses = await this.resolve(hostname);
    } catch (cause) {
      throw new FetchError(
        'dns_failure',
        `the host ${hostname} could not be resolved`,
        { cause },
      );
    }
    if (addresses.length === 0) {
      throw new FetchError(
        'dns_failure',
        `the host ${hostname} has no addresses`,
      );
    }
    const blocked = addresses.find(
      ({ address }) => !this.isAllowedAddress(address),
    );
    if (blocked) {
      // Which internal address a tenant's name maps to is for the operator's eyes, not the caller's.
      this.logger.warn(
        `Refused ${hostname}: it resolves to the non-public address ${blocked.address}`,
      );
      throw this.blockedHost(hostname);
    }
    return addresses;
  }
}

/**
 * Turns a non-2xx answer into `UpstreamStatusError` (releasing its body) for callers that can only
 * use a success, such as imports; webhook deliveries read `status` themselves instead.
 */
export function requireSuccess(response: FetchResponse): FetchResponse {
  if (response.status >= 200 && response.status < 300) {
    return response;
  }
  response.release();
  throw new UpstreamStatusError(response.status);
}

/** Refuses a declared size above the cap before reading a byte, then enforces the cap on the stream. */
function toFetchResponse(
  response: UndiciResponse,
  url: URL,
  limits: Limits,
): FetchResponse {
  const declared = Number(response.headers['content-length']);
  const contentLength =
    Number.isSafeInteger(declared) && declared >= 0 ? declared : undefined;
  if (contentLength !== undefined && contentLength > limits.maxBytes) {
    discard(response.body);
    throw new FetchError(
      'too_large',
      `the file is ${formatBytes(contentLength)}, above the ${formatBytes(limits.maxBytes)} limit`,
    );
  }
  const body = limitBody(response.body, url, limits);
  return {
    status: response.statusCode,
    headers: response.headers,
    url: url.href,
    body,
    contentLength,
    release: () => body.destroy(),
  };
}

/** The host without the brackets an IPv6 literal has in a URL. */
function bareHost(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

function parseTarget(href: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    throw new FetchError(
      'invalid_url',
      base ? 'the source redirected to an invalid URL' : 'the URL is not valid',
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchError(
      'invalid_url',
      `only http and https URLs can be fetched, not ${url.protocol.slice(0, -1)}`,
    );
  }
  if (url.username || url.password) {
    throw new FetchError(
      'invalid_url',
      'URLs with a user name or password are not accepted',
    );
  }
  return url;
}

/** Method and header rewriting as browsers do it (WHATWG fetch, "HTTP-redirect fetch"). */
function nextHop(hop: Hop, status: number, location: string): Hop {
  const url = parseTarget(location, hop.url);
  const headers = { ...hop.headers };
  if (url.origin !== hop.url.origin) {
    for (const name of CREDENTIAL_HEADERS) {
      delete headers[name];
    }
  }
  const becomesGet =
    (status === 303 && hop.method !== 'HEAD') ||
    ((status === 301 || status === 302) && hop.method === 'POST');
  if (!becomesGet) {
    return { url, method: hop.method, headers, body: hop.body };
  }
  for (const name of BODY_HEADERS) {
    delete headers[name];
  }
  return { url, method: 'GET', headers };
}

/**
 * Counts bytes as they pass and fails the stream the moment the cap is exceeded or the body falls
 * below its least rate (see `judgePace`); backpressure flows through `pipe`, so only a chunk or two
 * is ever held. Destroying the returned stream (or any failure) destroys the undici body, which
 * closes the connection. The fetch's deadline reaches the body through its signal.
 */
function limitBody(source: Readable, url: URL, limits: Limits): Readable {
  let received = 0;
  const startedAt = performance.now();
  const limited = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      received += chunk.length;
      if (received > limits.maxBytes) {
        callback(
          new FetchError(
            'too_large',
            `the file is larger than the ${formatBytes(limits.maxBytes)} limit`,
          ),
        );
      } else {
        callback(null, chunk);
      }
    },
  });
  let paceTimer: NodeJS.Timeout | undefined;
  const checkPace = () => {
    const verdict = judgePace(
      limits.pace,
      received,
      performance.now() - startedAt,
    );
    if ('tooSlow' in verdict) {
      limited.destroy(verdict.tooSlow);
    } else {
      paceTimer = setTimeout(checkPace, verdict.checkAgainInMs).unref();
    }
  };
  if (limits.pace.minBytesPerSecond > 0) {
    paceTimer = setTimeout(checkPace, limits.pace.graceMs).unref();
  }
  source.on('error', (error) =>
    limited.destroy(toError(translateError(error, url, limits))),
  );
  limited.on('close', () => {
    clearTimeout(paceTimer);
    limits.settle();
    source.destroy();
  });
  source.pipe(limited);
  return limited;
}

/**
 * The least-rate rule at one moment of a body: fine until `graceMs`, then the average since the
 * headers must stay at `minBytesPerSecond` or above. While it does, the earliest moment it could
 * fall below is when the bytes already received stop covering the time passed, so that is when to
 * look again: one timer per body, however many chunks arrive.
 */
export function judgePace(
  pace: Pick<FetchPace, 'minBytesPerSecond' | 'graceMs'>,
  received: number,
  elapsedMs: number,
): { checkAgainInMs: number } | { tooSlow: FetchError } {
  const coveredUntilMs = Math.max(
    pace.graceMs,
    (received * 1000) / pace.minBytesPerSecond,
  );
  if (elapsedMs < pace.graceMs || coveredUntilMs > elapsedMs) {
    return { checkAgainInMs: Math.ceil(coveredUntilMs - elapsedMs) };
  }
  return {
    tooSlow: new FetchError(
      'too_slow',
      `the source sent ${formatBytes(received)} in ${formatElapsed(elapsedMs)}, below the minimum of ${formatBytes(pace.minBytesPerSecond)} per second`,
    ),
  };
}

/** Destroying an unread undici body makes it emit RequestAbortedError, which nobody wants here. */
function discard(body: Readable): void {
  body.on('error', () => undefined).destroy();
}

/**
 * Maps what undici and the socket report to a `FetchError` a user can read. A caller's own abort
 * comes back as the signal's reason, and anything unrecognised is returned untouched rather than
 * disguised as an upstream problem.
 */
function translateError(error: unknown, url: URL, limits: Limits): unknown {
  if (error instanceof FetchError) {
    return error;
  }
  if (limits.signal?.aborted) {
    return limits.signal.reason;
  }
  const code = (error as { code?: unknown }).code;
  const syscall = (error as { syscall?: unknown }).syscall;
  const host = url.hostname;
  const { timeouts } = limits;
  switch (code) {
    case 'UND_ERR_CONNECT_TIMEOUT':
      return new FetchError(
        'timeout',
        `connecting to ${host} timed out after ${formatDuration(timeouts.connectMs)}`,
        { cause: error },
      );
    case 'UND_ERR_HEADERS_TIMEOUT':
      return new FetchError(
        'timeout',
        `the source did not answer within ${formatDuration(timeouts.headersMs)}`,
        { cause: error },
      );
    case 'UND_ERR_BODY_TIMEOUT':
      return new FetchError(
        'timeout',
        `the download stalled: no data for ${formatDuration(timeouts.bodyIdleMs)}`,
        { cause: error },
      );
    case 'UND_ERR_SOCKET':
    case 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH':
    case 'ECONNRESET':
    case 'EPIPE':
      return new FetchError(
        'upstream_failed',
        'the source closed the connection before the transfer finished',
        { cause: error },
      );
  }
  if (typeof code !== 'string') {
    return error;
  }
  if (code.startsWith('HPE_')) {
    return new FetchError(
      'upstream_failed',
      'the source sent a malformed HTTP response',
      { cause: error },
    );
  }
  if (/TLS|SSL|CERT|SELF_SIGNED|UNABLE_TO_/.test(code)) {
    return new FetchError(
      'connect_failed',
      `could not establish a secure connection to ${host}`,
      { cause: error },
    );
  }
  if (syscall === 'connect') {
    return new FetchError('connect_failed', `could not connect to ${host}`, {
      cause: error,
    });
  }
  return error;
}

function toError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}

function formatDuration(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

/** A measured time: whole seconds from a second on, whole milliseconds below. */
function formatElapsed(ms: number): string {
  return formatDuration(
    ms >= 1000 ? Math.round(ms / 1000) * 1000 : Math.round(ms),
  );
}
