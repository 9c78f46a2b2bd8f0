import { sameSecret } from '../../lib/same-secret.js';

/**
 * Whether an `Authorization` header presents an operator token (METRICS_TOKEN, ADMIN_TOKEN):
 * `Bearer <token>`, or with `basic` also HTTP Basic with the token as the password (any user
 * name), which is what a browser's login prompt sends.
 */
export function presentsToken(
  authorization: string | undefined,
  token: string,
  { basic = false }: { basic?: boolean } = {},
): boolean {
  const [scheme, credentials] = authorization?.trim().split(/\s+/, 2) ?? [];
  if (!credentials) {
    return false;
  }
  if (/^bearer$/i.test(scheme)) {
    return sameSecret(credentials, token);
  }
  if (basic && /^basic$/i.test(scheme)) {
    const decoded = Buffer.from(credentials, 'base64').toString('utf8');
    const separator = decoded.indexOf(':');
    return separator >= 0 && sameSecret(decoded.slice(separator + 1), token);
  }
  return false;
}
