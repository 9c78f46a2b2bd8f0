import { join, resolve, sep } from 'node:path';
import { assertValidObjectKey } from '../object-key.js';

/**
 * Where the local driver keeps what under its root. Keys cannot start a segment with `.`, so no key
 * can address the `.meta` or `.tmp` trees, and metadata paths mirror object paths so they never
 * collide.
 */
export interface LocalLayout {
  /** Objects, one file per key at `<root>/<key>`. */
  root: string;
  /** Each object's metadata at `.meta/<key>`. */
  metadata: string;
  /** Bytes in flight, renamed into place only once complete. */
  temp: string;
  /** The parts of multipart uploads, at `.tmp/multipart/<uploadId>/<partNumber>` until assembled. */
  parts: string;
}

export function localLayout(rootDir: string): LocalLayout {
  const root = resolve(rootDir);
  const temp = join(root, '.tmp');
  return {
    root,
    metadata: join(root, '.meta'),
    temp,
    parts: join(temp, 'multipart'),
  };
}

/** The file for `key` under `base`, refusing keys that are not valid object keys. */
export function pathUnder(base: string, key: string): string {
  assertValidObjectKey(key);
  const path = resolve(base, key);
  // Key validation already rules out escapes; this guards against a future change to it.
  if (!path.startsWith(base + sep)) {
    throw new Error(
      `Storage key ${JSON.stringify(key)} resolves outside ${base}`,
    );
  }
  return path;
}
