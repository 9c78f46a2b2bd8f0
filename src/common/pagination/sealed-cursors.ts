import { SealedBox } from '../../infra/secrets/sealed-box.js';
import type { Keyring } from '../../infra/secrets/signing-keys.js';
import { ApiError } from '../errors/api-error.js';

/**
 * Opaque list cursors: the position (the last row's insertion sequence) sealed with AES-256-GCM
 * under a server key, the list's scope (its workspace, or workspace and parent) as associated
 * data. A client can neither read the position (which would reveal how many rows exist across all
 * workspaces) nor forge one, and a cursor is refused in any scope but the one it was issued for.
 */
export class SealedCursors {
  private readonly box: SealedBox;

  constructor(keys: Keyring | Buffer) {
    this.box = new SealedBox(keys);
  }

  encode(scope: string, seq: number): string {
    return this.box.seal(scope, JSON.stringify({ s: seq }));
  }

  decode(scope: string, cursor: string): number {
    try {
      const seq = (JSON.parse(this.box.open(scope, cursor)) as { s?: unknown })
        .s;
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
