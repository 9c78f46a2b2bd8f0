import { hkdfSync, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/** Where a generated secret is kept: under the local storage directory, unreachable by any key. */
export const GENERATED_SECRET_FILE = '.signing-secret';

/**
 * The server's secret (STORAGE_SIGNING_SECRET) and the keys derived from it. Outside production,
 * where the variable may be unset, a random secret is generated on first boot and kept in the
 * data directory, so every process of a development machine shares it and nobody else knows it.
 */
export class SigningKeys {
  constructor(readonly secret: string) {}

  /** A 32-byte key for one purpose, so no two features ever share key material. */
  derive(purpose: string): Buffer {
    return Buffer.from(
      hkdfSync('sha256', this.secret, '', `media-api:${purpose}`, 32),
    );
  }

  static async resolve(options: {
    configured?: string;
    dataDir: string;
  }): Promise<SigningKeys> {
    if (options.configured) {
      return new SigningKeys(options.configured);
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
    return new SigningKeys(secret);
  }
}
