import { createHash, hkdfSync, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/** Where a generated secret is kept: under the local storage directory, unreachable by any key. */
export const GENERATED_SECRET_FILE = '.signing-secret';

/** Characters of a key id: base64url, never `.`, so `<id>.<value>` splits unambiguously. */
const KEY_ID_LENGTH = 8;

/** One derived key and its id, which travels with whatever it sealed or signed. */
export interface DerivedKey {
  /** A short public name of the key (a hash of it), so the key that opens a value can be picked. */
  readonly id: string;
  readonly key: Buffer;
}

/**
 * The keys of one purpose: `current` seals and signs; `previous` (from the secret being rotated out)
 * only opens and verifies.
 */
export interface Keyring {
  readonly current: DerivedKey;
  readonly previous?: DerivedKey;
}

/** Every key of a ring, current first: the order values without a key id are tried in. */
export function keysOf(ring: Keyring): DerivedKey[] {
  return ring.previous ? [ring.current, ring.previous] : [ring.current];
}

/** The key a value names by its id, if the ring holds it. */
export function keyById(ring: Keyring, id: string): DerivedKey | undefined {
  return keysOf(ring).find((candidate) => candidate.id === id);
}

/** Splits `<key id>.<value>`; a value without a key id (sealed before they existed) has none. */
export function splitKeyId(value: string): { keyId?: string; rest: string } {
  const dot = value.indexOf('.');
  return dot === KEY_ID_LENGTH
    ? { keyId: value.slice(0, dot), rest: value.slice(dot + 1) }
    : { rest: value };
}

/** A key with its id: a hash of the key, which names it without revealing it. */
export function withKeyId(key: Buffer): DerivedKey {
  const id = createHash('sha256')
    .update('media-api:key-id:')
    .update(key)
    .digest('base64url')
    .slice(0, KEY_ID_LENGTH);
  return { id, key };
}

function deriveKey(secret: string, purpose: string): DerivedKey {
  return withKeyId(
    Buffer.from(hkdfSync('sha256', secret, '', `media-api:${purpose}`, 32)),
  );
}

/**
 * The server's secret (STORAGE_SIGNING_SECRET) and the keys derived from it, plus, during a
 * rotation, the secret being rotated out (STORAGE_SIGNING_SECRET_PREVIOUS). Outside production,
 * where the variable may be unset, a random secret is generated on first boot and kept in the
 * data directory, so every process of a development machine shares it and nobody else knows it.
 */
export class SigningKeys {
  /**
   * Derived once per purpose: signing every presigned URL re-ran HKDF and the key-id hash, a
   * twentieth of a presign's CPU (docs/performance.md#signing-keys).
   */
  private readonly keyrings = new Map<string, Keyring>();

  constructor(
    readonly secret: string,
    readonly previousSecret?: string,
  ) {}

  /** A 32-byte key for one purpose, so no two features ever share key material. */
  derive(purpose: string): Buffer {
    return this.keyring(purpose).current.key;
  }

  /** The current key of one purpose, and the previous secret's while one is configured. */
  keyring(purpose: string): Keyring {
    let ring = this.keyrings.get(purpose);
    if (!ring) {
      const current = deriveKey(this.secret, purpose);
      ring = this.previousSecret
        ? { current, previous: deriveKey(this.previousSecret, purpose) }
        : { current };
      this.keyrings.set(purpose, ring);
    }
    return ring;
  }

  static async resolve(options: {
    configured?: string;
    previous?: string;
    dataDir: string;
  }): Promise<SigningKeys> {
    if (options.configured) {
      return new SigningKeys(options.configured, options.previous);
    }
    const dir = resolve(options.dataDir);
    const path = join(dir, GENERATED_SECRET_FILE);
    await mkdir(dir, { recursive: true });
    try {
      await writeFile(path, randomBytes(32).toString('hex'), {
        flag: 'wx',
        mode: 0o600,
      });
    } catch (error) {
      // Another process of this machine created it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const secret = (await readFile(path, 'utf8')).trim();
    if (secret.length < 32) {
      throw new Error(`${path} does not hold a usable secret; delete it`);
    }
    return new SigningKeys(secret, options.previous);
  }
}
