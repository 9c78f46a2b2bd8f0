import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import {
  keyById,
  keysOf,
  splitKeyId,
  withKeyId,
  type Keyring,
} from './signing-keys.js';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * AES-256-GCM under one server key, with a context (the workspace, the endpoint id, …) as associated
 * data: a sealed value can be neither read nor forged, and it opens only in the context it was sealed
 * for. Layout: the sealing key's id, `.`, then IV, tag, ciphertext in `base64url` (for URLs) or
 * `base64` (what stored values use).
 *
 * Sealing uses the ring's current key; opening uses the key the value names, so values sealed before
 * a rotation of STORAGE_SIGNING_SECRET still open while the old secret is configured as the previous
 * one. Values sealed before key ids existed (no `id.` prefix) are tried with the current key, then
 * the previous.
 */
export class SealedBox {
  private readonly ring: Keyring;

  constructor(
    keys: Keyring | Buffer,
    private readonly encoding: 'base64' | 'base64url' = 'base64url',
  ) {
    this.ring = Buffer.isBuffer(keys) ? { current: withKeyId(keys) } : keys;
  }

  seal(context: string, plaintext: string): string {
    const { id, key } = this.ring.current;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const sealed = Buffer.concat([
      cipher.update(plaintext, 'utf8'),
      cipher.final(),
    ]);
    return `${id}.${Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString(this.encoding)}`;
  }

  /** Throws when the value was not sealed in this context under a key of this ring. */
  open(context: string, sealed: string): string {
    const { keyId, rest } = splitKeyId(sealed);
    const raw = Buffer.from(rest, this.encoding);
    if (keyId !== undefined) {
      const named = keyById(this.ring, keyId);
      if (!named) {
        throw new Error('sealed under a key this server no longer holds');
      }
      return openWith(named.key, context, raw);
    }
    let failure: unknown;
    for (const { key } of keysOf(this.ring)) {
      try {
        return openWith(key, context, raw);
      } catch (error) {
        failure = error;
      }
    }
    throw failure;
  }
}

function openWith(key: Buffer, context: string, raw: Buffer): string {
  const decipher = createDecipheriv(
    'aes-256-gcm',
    key,
    raw.subarray(0, IV_BYTES),
  );
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([
    decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)),
    decipher.final(),
  ]).toString('utf8');
}
