import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { ApiError } from '../../common/errors/api-error.js';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Opaque, per-workspace list cursors: the position (the last item's insertion sequence) sealed
 * with AES-256-GCM under a server key, the workspace id as associated data. A client can neither
 * read the position (which would reveal how many items exist across all workspaces) nor forge one,
 * and a cursor is refused in any workspace but the one it was issued to.
 */
export class MediaCursors {
  constructor(private readonly key: Buffer) {}

  encode(workspaceId: string, seq: number): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(workspaceId, 'utf8'));
    const sealed = Buffer.concat([
      cipher.update(JSON.stringify({ s: seq }), 'utf8'),
      cipher.final(),
    ]);
    return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString(
      'base64url',
    );
  }

  decode(workspaceId: string, cursor: string): number {
    try {
      const raw = Buffer.from(cursor, 'base64url');
      const decipher = createDecipheriv(
        'aes-256-gcm',
        this.key,
        raw.subarray(0, IV_BYTES),
      );
      decipher.setAAD(Buffer.from(workspaceId, 'utf8'));
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
