import { ApiError } from '../../common/errors/api-error.js';

/** Opaque list cursor: the insertion sequence of the last item of a page. */
export function encodeMediaCursor(seq: number): string {
  return Buffer.from(JSON.stringify({ s: seq }), 'utf8').toString('base64url');
}

export function decodeMediaCursor(cursor: string): number {
  try {
    const parsed: unknown = JSON.parse(
      Buffer.from(cursor, 'base64url').toString('utf8'),
    );
    const seq = (parsed as { s?: unknown }).s;
    if (typeof seq === 'number' && Number.isSafeInteger(seq) && seq > 0) {
      return seq;
    }
  } catch {
    // Falls through to the validation error below.
  }
  throw ApiError.validation(
    'cursor',
    'cursor is not a cursor this API returned',
  );
}
