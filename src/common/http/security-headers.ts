import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';

/** `/v1`, `/v1/...` and `/v1?...`: the JSON API, as opposed to docs, files and uploads. */
export function isApiPath(url: string): boolean {
  return (
    url.startsWith('/v1') &&
    (url.length === 3 || url[3] === '/' || url[3] === '?')
  );
}

/**
 * helmet's defaults with two exceptions, for everything a browser may show or embed (Swagger UI,
 * `/files/...`, uploads). Upgrading insecure requests is off because the app itself speaks plain
 * HTTP (TLS, if any, ends in front of it), and an upgrade would break Swagger UI's scripts on an
 * http:// deployment. Resources may be loaded cross-origin because `/files/...` URLs exist to be
 * embedded by other sites' pages, which `same-origin` would stop browsers doing. The rest of the
 * policy already suits Swagger UI: its scripts are same-origin files and its only inline code is
 * CSS.
 */
const documentHeaders = helmet({
  contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } },
  crossOriginResourcePolicy: { policy: 'cross-origin' },
});

/**
 * The JSON API's own set, OWASP's for REST responses (REST Security Cheat Sheet, "Security
 * headers"): nosniff, HSTS, a policy that lets the JSON load nothing and be framed by nothing, and
 * `X-Frame-Options: DENY` for browsers older than `frame-ancestors`; `Cache-Control: no-store` is
 * added beside it. The document policies helmet adds for pages (opener and embedder policies,
 * agent clustering, DNS prefetch, IE download and XSS-filter switches, Flash policies) do nothing
 * on a JSON answer, and every API response carries eight headers fewer, for the server to send and
 * the client to parse (docs/performance.md#security-headers).
 */
const apiHelmet = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
  },
  crossOriginOpenerPolicy: false,
  crossOriginResourcePolicy: false,
  originAgentCluster: false,
  referrerPolicy: false,
  xDnsPrefetchControl: false,
  xDownloadOptions: false,
  xFrameOptions: { action: 'deny' },
  xPermittedCrossDomainPolicies: false,
  xXssProtection: false,
});

/**
 * The API set as fixed header values, taken once from helmet: its policy is static (no nonces, no
 * per-request directives), and setting five values directly spares every API response helmet's
 * chain of one middleware per header (docs/performance.md#security-headers).
 */
const API_HEADERS: ReadonlyArray<readonly [string, string]> = (() => {
  const headers: Array<readonly [string, string]> = [
    ['Cache-Control', 'no-store'],
  ];
  const recorder = {
    setHeader: (name: string, value: string) => headers.push([name, value]),
    removeHeader: () => undefined,
  };
  let done = false;
  apiHelmet(
    {} as IncomingMessage,
    recorder as unknown as ServerResponse,
    (error?: unknown) => {
      if (error) throw error;
      done = true;
    },
  );
  if (!done) throw new Error('helmet did not finish synchronously');
  return headers;
})();

/** Security headers on every response: the API's set under `/v1`, helmet's page set elsewhere. */
export function securityHeaders(
  request: IncomingMessage,
  response: ServerResponse,
  next: (error?: unknown) => void,
): void {
  if (isApiPath(request.url ?? '')) {
    for (const [name, value] of API_HEADERS) response.setHeader(name, value);
    next();
  } else {
    documentHeaders(request, response, next);
  }
}
