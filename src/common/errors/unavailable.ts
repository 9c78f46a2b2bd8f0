import { isIP } from 'node:net';

export interface ServiceEndpoint {
  host: string;
  port: number;
}

/** Host and port of a `postgres://` or `redis://` URL. */
export function endpointOf(url: string, defaultPort: number): ServiceEndpoint {
  const parsed = new URL(url);
  return {
    host: parsed.hostname.replace(/^\[|\]$/g, ''),
    port: parsed.port ? Number(parsed.port) : defaultPort,
  };
}

/** SQLSTATE class 08 (connection exception) and 57P01–57P03 (shutdown, cannot connect now). */
const POSTGRES_UNAVAILABLE = /^(08[0-9A-Z]{3}|57P0[1-3])$/;

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);

/** What `pg`, `pg-pool` and `ioredis` say when their server is gone; no other code says these. */
const CLIENT_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error and is not queryable',
  'Connection is closed',
  "Stream isn't writeable and enableOfflineQueue options is false",
  'Reached the max retries per request limit',
];

interface ErrorFields {
  code?: unknown;
  address?: unknown;
  hostname?: unknown;
  port?: unknown;
  driverError?: unknown;
  cause?: unknown;
}

/**
 * Tells errors meaning "our own PostgreSQL or Redis cannot be reached" (answered 503) from
 * everything else. A network error counts only when it names one of our endpoints: a user's URL
 * that refuses connections is the user's problem, never "our backing service is down".
 */
export class BackingServices {
  constructor(private readonly endpoints: ServiceEndpoint[]) {}

  isUnavailable(error: unknown, depth = 0): boolean {
    if (!(error instanceof Error) || depth > 3) {
      return false;
    }
    const fields = error as Error & ErrorFields;
    const code = typeof fields.code === 'string' ? fields.code : undefined;
    if (code && POSTGRES_UNAVAILABLE.test(code)) {
      return true;
    }
    if (code && NETWORK_CODES.has(code) && this.namesOurEndpoint(fields)) {
      return true;
    }
    if (CLIENT_MESSAGES.some((fragment) => error.message.includes(fragment))) {
      return true;
    }
    return (
      this.isUnavailable(fields.driverError, depth + 1) ||
      this.isUnavailable(fields.cause, depth + 1)
    );
  }

  /**
   * DNS failures carry the `hostname` looked up; connect failures the `address` and `port` dialled
   * (for an endpoint configured by name, the port alone, since we do not know what it resolved to).
   */
  private namesOurEndpoint(fields: ErrorFields): boolean {
    return this.endpoints.some((endpoint) =>
      typeof fields.port === 'number'
        ? fields.port === endpoint.port &&
          (fields.address === endpoint.host || isIP(endpoint.host) === 0)
        : fields.hostname === endpoint.host,
    );
  }
}
