import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { ApiError } from '../errors/api-error.js';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Opaque list cursors: the position (the last row's insertion sequence) sealed with AES-256-GCM
 * under a server key, the list's scope (its workspace, or workspace and parent) as associated
 * data. A client can neither read the position (which would reveal how many rows exist across all
 * workspaces) nor forge one, and a cursor is refused in any scope but the one it was issued for.
 */
export class SealedCursors {
  constructor(private readonly key: Buffer) {}

  encode(scope: string, seq: number): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(scope, 'utf8'));
    const sealed = Buffer.concat([
      cipher.update(JSON.stringify({ s: seq }), 'utf8'),
      cipher.final(),
    ]);
    return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString(
      'base64url',
    );
  }

  decode(scope: string, cursor: string): number {
    try {
      const raw = Buffer.from(cursor, 'base64url');
      const decipher = createDecipheriv(
        'aes-256-gcm',
        this.key,
        raw.subarray(0, IV_BYTES),
      );
      decipher.setAAD(Buffer.from(scope, 'utf8'));
      decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      const plain = Buffer.concat([
        decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)),
        decipher.final(),
      ]).toString('utf8');
      const seq = (JSON.parse(plain) as { s?: unknown }).s;
      if (typeof seq === 'number' && Number.isSafeInteger(seq) && seq > 0) {
        return seq;
      }
    } catch {
      // Tampered, truncated, from another workspace or another server key: all the same to a client.
    }
    throw ApiError.validation(
      'cursor',
      'cursor is not a cursor this API returned for this workspace',
    );
  }
}
