import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a local upload URL allows: one PUT of exactly this many bytes of this type, until `expires`. */
export interface SignedUploadTerms {
  key: string;
  contentType: string;
  contentLength: number;
  /** Unix seconds; the URL is refused from this instant on. */
  expires: number;
}

/** The terms and signature as they travel in the upload URL's query string. */
export interface SignedUploadQuery extends Omit<SignedUploadTerms, 'key'> {
  signature: string;
}

/**
 * Versioned, and encoded as a JSON array so no field value can shift the boundary between fields
 * (a key ending in a separator cannot impersonate a different content type, say).
 */
const SIGNATURE_SCHEME = 'media-api-upload-v1';
const SIGNED_METHOD = 'PUT';
const HEX_SHA256 = /^[0-9a-f]{64}$/;
const UNSIGNED_INTEGER = /^(0|[1-9][0-9]{0,15})$/;

function canonicalTerms(terms: SignedUploadTerms): string {
  return JSON.stringify([
    SIGNATURE_SCHEME,
    SIGNED_METHOD,
    terms.key,
    terms.contentType,
    terms.contentLength,
    terms.expires,
  ]);
}

/** HMAC-SHA256 of the terms, lowercase hex. */
export function signUploadTerms(
  secret: string,
  terms: SignedUploadTerms,
): string {
  return createHmac('sha256', secret)
    .update(canonicalTerms(terms))
    .digest('hex');
}

/** Constant-time check that `signature` was made by `signUploadTerms` with this secret and these terms. */
export function hasValidUploadSignature(
  secret: string,
  terms: SignedUploadTerms,
  signature: string,
): boolean {
  if (!HEX_SHA256.test(signature)) {
    return false;
  }
  const expected = Buffer.from(signUploadTerms(secret, terms), 'ascii');
  return timingSafeEqual(expected, Buffer.from(signature, 'ascii'));
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
  return new URLSearchParams({
    contentType: terms.contentType,
    contentLength: String(terms.contentLength),
    expires: String(terms.expires),
    signature,
  }).toString();
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

/**
 * Reads the signed terms back from a parsed query (as a web framework hands it over). Null when a
 * parameter is missing, repeated (arrays) or malformed: such a URL was not issued by us.
 */
export function parseSignedUploadQuery(
  query: Record<string, unknown>,
): SignedUploadQuery | null {
  const contentType = singleString(query.contentType);
  const contentLength = parseUnsignedInteger(singleString(query.contentLength));
  const expires = parseUnsignedInteger(singleString(query.expires));
  const signature = singleString(query.signature);
  if (
    contentType === null ||
    contentLength === null ||
    expires === null ||
    signature === null
  ) {
    return null;
  }
  return { contentType, contentLength, expires, signature };
}
