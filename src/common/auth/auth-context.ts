/** What an API key may do (docs/contracts.md#scopes). */
export const API_KEY_SCOPES = [
  'media:read',
  'media:write',
  'webhooks:read',
  'webhooks:write',
] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export const SUBSCRIPTION_STATUSES = [
  'trialing',
  'active',
  'past_due',
  'canceled',
  'none',
] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

/** Subscriptions that may call the media, template and webhook endpoints. */
export const ACTIVE_SUBSCRIPTION_STATUSES: readonly SubscriptionStatus[] = [
  'trialing',
  'active',
];

/** The caller behind a valid API key: its workspace and the key itself. */
export interface AuthContext {
  workspace: {
    id: string;
    name: string;
    subscriptionStatus: SubscriptionStatus;
  };
  apiKey: { id: string; name: string; scopes: ApiKeyScope[] };
}

/** Why a presented key identifies nobody. */
export type AuthenticationFailure =
  'missing' | 'malformed' | 'unknown' | 'revoked';

export type AuthenticationResult =
  | { ok: true; context: AuthContext }
  | { ok: false; reason: Exclude<AuthenticationFailure, 'missing'> };

/**
 * The port through which the auth guards identify callers; the workspaces module implements it.
 * Keeping it here lets `common` depend on no feature module.
 */
export abstract class Authenticator {
  abstract authenticate(secret: string): Promise<AuthenticationResult>;
}
