export type FetchErrorKind =
  /** Not an absolute http(s) URL, or one carrying a user name or password. */
  | 'invalid_url'
  /** The host is, or resolves to, an address that is not public unicast. */
  | 'blocked_address'
  | 'dns_failure'
  /** Refused, reset or failed TLS before any response arrived. */
  | 'connect_failed'
  | 'timeout'
  /** Past the fetch's deadline, or the body's average rate fell below the least allowed. */
  | 'too_slow'
  | 'too_large'
  | 'too_many_redirects'
  /** The connection broke mid-transfer, or the source sent something that is not HTTP. */
  | 'upstream_failed'
  /** The source answered, but not with the 2xx the caller requires. */
  | 'upstream_status';

/**
 * Why an outbound request failed, with a message fit to show to the user who supplied the URL. The
 * message never carries stack traces, library error codes or socket details.
 */
export class FetchError extends Error {
  constructor(
    readonly kind: FetchErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'FetchError';
  }
}

/** A non-2xx answer, for callers (imports, downloads) that can only use a success. */
export class UpstreamStatusError extends FetchError {
  constructor(readonly status: number) {
    super('upstream_status', `the source answered ${status}`);
    this.name = 'UpstreamStatusError';
  }
}
