import { createHmac, timingSafeEqual } from 'node:crypto';
import { keyById, SigningKeys, splitKeyId } from '../secrets/signing-keys.js';
import type { UploadLength } from './presign-input.js';

/** What a local upload URL allows: one PUT of this type and length, until `expires`. */
export interface SignedUploadTerms {
  key: string;
  contentType: string;
  length: UploadLength;
  /** Unix seconds; the URL is refused from this instant on. */
  expires: number;
  /** Hex SHA-256 the body must have, when the client declared one. */
  sha256?: string;
  /** Set for one part of a multipart upload rather than the whole object. */
  part?: { uploadId: string; partNumber: number };
}

/** The terms and signature as they travel in the upload URL's query string. */
export interface SignedUploadQuery extends Omit<SignedUploadTerms, 'key'> {
  signature: string;
}

const SIGNATURE_SCHEME = 'media-api-upload-v1';
const SIGNED_METHOD = 'PUT';
const HEX_SHA256 = /^[0-9a-f]{64}$/;
const LENGTH_PARAMETER = {
  exact: 'contentLength',
  max: 'maxContentLength',
} as const;
const UNSIGNED_INTEGER = /^(0|[1-9][0-9]{0,15})$/;

/**
 * Versioned, and encoded as a JSON array so no field value can shift the boundary between fields
 * (a key ending in a separator cannot impersonate a different content type, say).
 */
function canonicalTerms(terms: SignedUploadTerms): string {
  return JSON.stringify([
    SIGNATURE_SCHEME,
    SIGNED_METHOD,
    terms.key,
    terms.contentType,
    terms.length.kind,
    terms.length.bytes,
    terms.expires,
    terms.sha256 ?? null,
    terms.part?.uploadId ?? null,
    terms.part?.partNumber ?? null,
  ]);
}

const KEY_PURPOSE = 'upload-url';

function keysFrom(keys: SigningKeys | string): SigningKeys {
  return typeof keys === 'string' ? new SigningKeys(keys) : keys;
}

function hmacHex(key: Buffer | string, terms: SignedUploadTerms): string {
  return createHmac('sha256', key).update(canonicalTerms(terms)).digest('hex');
}

function sameHex(expected: string, given: string): boolean {
  return timingSafeEqual(
    Buffer.from(expected, 'ascii'),
    Buffer.from(given, 'ascii'),
  );
}

/**
 * `<key id>.<HMAC-SHA256 of the terms, lowercase hex>`, under the upload-URL key derived from the
 * current STORAGE_SIGNING_SECRET.
 */
export function signUploadTerms(
  keys: SigningKeys | string,
  terms: SignedUploadTerms,
): string {
  const { id, key } = keysFrom(keys).keyring(KEY_PURPOSE).current;
  return `${id}.${hmacHex(key, terms)}`;
}

/**
 * Constant-time check that `signature` was made by `signUploadTerms` for these terms with the
 * current or the previous secret. A bare hex signature (URLs issued before key ids existed: an
 * HMAC under the secret itself) is checked against both secrets too.
 */
export function hasValidUploadSignature(
  keys: SigningKeys | string,
  terms: SignedUploadTerms,
  signature: string,
): boolean {
  const signing = keysFrom(keys);
  const { keyId, rest } = splitKeyId(signature);
  if (!HEX_SHA256.test(rest)) {
    return false;
  }
  if (keyId !== undefined) {
    const named = keyById(signing.keyring(KEY_PURPOSE), keyId);
    return named !== undefined && sameHex(hmacHex(named.key, terms), rest);
  }
  const secrets = [signing.secret, signing.previousSecret].filter(
    (secret): secret is string => secret !== undefined,
  );
  // Every secret is tried, so the time taken does not tell which one matched.
  return secrets
    .map((secret) => sameHex(hmacHex(secret, terms), rest))
    .includes(true);
}

export function isUploadExpired(
  terms: Pick<SignedUploadTerms, 'expires'>,
  now: Date,
): boolean {
  return now.getTime() >= terms.expires * 1000;
}

/** The query string of a signed upload URL (without the leading `?`). */
export function formatSignedUploadQuery(
  terms: SignedUploadTerms,
  signature: string,
): string {
  const query = new URLSearchParams({
    contentType: terms.contentType,
    [LENGTH_PARAMETER[terms.length.kind]]: String(terms.length.bytes),
    expires: String(terms.expires),
  });
  if (terms.sha256 !== undefined) query.set('sha256', terms.sha256);
  if (terms.part) {
    query.set('uploadId', terms.part.uploadId);
    query.set('partNumber', String(terms.part.partNumber));
  }
  query.set('signature', signature);
  return query.toString();
}

function singleString(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function parseUnsignedInteger(value: string | null): number | null {
  if (value === null || !UNSIGNED_INTEGER.test(value)) {
    return null;
  }
  const parsed = Number(value);
  return Number.isSafeInteger(parsed) ? parsed : null;
}

function parseLength(query: Record<string, unknown>): UploadLength | null {
  const exact = query[LENGTH_PARAMETER.exact];
  const max = query[LENGTH_PARAMETER.max];
  if ((exact === undefined) === (max === undefined)) {
    return null;
  }
  const bytes = parseUnsignedInteger(singleString(exact ?? max));
  if (bytes === null) {
    return null;
  }
  return { kind: exact === undefined ? 'max' : 'exact', bytes };
}

/**
 * Reads the signed terms back from a parsed query (as a web framework hands it over). Null when a
 * parameter is missing, repeated (arrays) or malformed, or both length forms are present: such a
 * URL was not issued by us.
 */
export function parseSignedUploadQuery(
  query: Record<string, unknown>,
): SignedUploadQuery | null {
  const contentType = singleString(query.contentType);
  const length = parseLength(query);
  const expires = parseUnsignedInteger(singleString(query.expires));
  const signature = singleString(query.signature);
  if (
    contentType === null ||
    length === null ||
    expires === null ||
    signature === null
  ) {
    return null;
  }
  const signed: SignedUploadQuery = { contentType, length, expires, signature };
  if (query.sha256 !== undefined) {
    const sha256 = singleString(query.sha256);
    if (sha256 === null) return null;
    signed.sha256 = sha256;
  }
  if (query.uploadId !== undefined || query.partNumber !== undefined) {
    const uploadId = singleString(query.uploadId);
    const partNumber = parseUnsignedInteger(singleString(query.partNumber));
    if (uploadId === null || partNumber === null) return null;
    signed.part = { uploadId, partNumber };
  }
  return signed;
}
