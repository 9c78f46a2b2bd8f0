import { randomBytes } from 'node:crypto';
import { SealedBox } from '../../infra/secrets/sealed-box.js';
import type { Keyring } from '../../infra/secrets/signing-keys.js';

const SECRET_PREFIX = 'whsec_';

/**
 * The keyring (SigningKeys purpose) that seals endpoint secrets, and every stored answer that may
 * carry one (the idempotency records of `POST /v1/webhooks` and `rotate-secret`).
 */
export const WEBHOOK_SECRET_KEYS = 'webhook-secrets';
const SECRET_BYTES = 32;

/** A Standard Webhooks signing secret: `whsec_` + base64 of 32 random bytes. */
export function newWebhookSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(SECRET_BYTES).toString('base64')}`;
}

/**
 * Seals endpoint secrets for storage with AES-256-GCM under a server key, the endpoint id as
 * associated data: a database dump reveals no secret, and a sealed value copied onto another
 * endpoint's row does not open there.
 */
export class WebhookSecretBox {
  private readonly box: SealedBox;

  constructor(keys: Keyring | Buffer) {
    this.box = new SealedBox(keys, 'base64');
  }

  seal(endpointId: string, secret: string): string {
    return this.box.seal(endpointId, secret);
  }

  /** Throws when the value was not sealed for this endpoint under a key this server holds. */
  open(endpointId: string, sealed: string): string {
    return this.box.open(endpointId, sealed);
  }
}
