import { customAlphabet } from 'nanoid';

const LOWER_ALPHANUMERIC = '0123456789abcdefghijklmnopqrstuvwxyz';
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

const idBody = customAlphabet(LOWER_ALPHANUMERIC, 24);
const secretBody = customAlphabet(BASE62, 32);

export const ID_PREFIXES = {
  media: 'media',
  job: 'job',
  webhookEndpoint: 'wh',
  event: 'evt',
  workspace: 'ws',
  apiKey: 'key',
  rendition: 'rnd',
} as const;

export type IdKind = keyof typeof ID_PREFIXES;

/** An unguessable prefixed id: `<prefix>_` + 24 lowercase alphanumerics (~124 bits). */
export function newId(kind: IdKind): string {
  return `${ID_PREFIXES[kind]}_${idBody()}`;
}

export function isId(kind: IdKind, value: string): boolean {
  return new RegExp(`^${ID_PREFIXES[kind]}_[0-9a-z]{24}$`).test(value);
}

/** A 32-character base62 secret (~190 bits). */
export function newSecret(): string {
  return secretBody();
}
