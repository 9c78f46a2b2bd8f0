import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * AES-256-GCM under one server key, with a context (the workspace, the endpoint id, …) as associated
 * data: a sealed value can be neither read nor forged, and it opens only in the context it was sealed
 * for. Layout: IV, tag, ciphertext, in `base64url` (for URLs) or `base64` (what stored values use).
 */
export class SealedBox {
  constructor(
    private readonly key: Buffer,
    private readonly encoding: 'base64' | 'base64url' = 'base64url',
  ) {}

  seal(context: string, plaintext: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const sealed = Buffer.concat([
      cipher.update(plaintext, 'utf8'),
      cipher.final(),
    ]);
    return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString(
      this.encoding,
    );
  }

  /** Throws when the value was not sealed in this context under this key. */
  open(context: string, sealed: string): string {
    const raw = Buffer.from(sealed, this.encoding);
    const decipher = createDecipheriv(
      'aes-256-gcm',
      this.key,
      raw.subarray(0, IV_BYTES),
    );
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([
      decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
  }
}
