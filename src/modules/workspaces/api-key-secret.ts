import { hash } from 'node:crypto';
import { newSecret } from '../../common/ids.js';

const KEY_PATTERN = /^mk_live_[0-9A-Za-z]{32}$/;

/** A new API key, `mk_live_` + 32 base62 characters. Shown once, never stored. */
export function generateApiKeySecret(): string {
  return `mk_live_${newSecret()}`;
}

export function isWellFormedApiKey(value: string): boolean {
  return KEY_PATTERN.test(value);
}

/** Keys carry ~190 bits of entropy, so a fast unsalted hash is enough and keeps lookups indexable. */
export function hashApiKey(secret: string): string {
  return hash('sha256', secret, 'hex');
}

export function displayPrefix(secret: string): string {
  return secret.slice(0, 12);
}
