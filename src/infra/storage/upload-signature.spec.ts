import {
  formatSignedUploadQuery,
  hasValidUploadSignature,
  isUploadExpired,
  parseSignedUploadQuery,
  signUploadTerms,
  type SignedUploadTerms,
} from './upload-signature.js';

const SECRET = 'test-secret-that-is-long-enough-0123456789';
const TERMS: SignedUploadTerms = {
  key: 'ws_1/media_1/report.pdf',
  contentType: 'application/pdf',
  length: { kind: 'exact', bytes: 1234 },
  expires: 1_900_000_000,
};

describe('upload signature', () => {
  const signature = signUploadTerms(SECRET, TERMS);

  it('is a key id and lowercase hex HMAC-SHA256, and verifies for the same terms', () => {
    expect(signature).toMatch(/^[A-Za-z0-9_-]{8}\.[0-9a-f]{64}$/);
    expect(hasValidUploadSignature(SECRET, { ...TERMS }, signature)).toBe(true);
  });

  it.each<[string, Partial<SignedUploadTerms>]>([
    ['key', { key: 'ws_1/media_2/report.pdf' }],
    ['content type', { contentType: 'image/png' }],
    ['content length', { length: { kind: 'exact', bytes: 1235 } }],
    ['length kind', { length: { kind: 'max', bytes: 1234 } }],
    ['expiry', { expires: TERMS.expires + 1 }],
  ])('fails when the %s changes', (_, change) => {
    expect(
      hasValidUploadSignature(SECRET, { ...TERMS, ...change }, signature),
    ).toBe(false);
  });

  it('fails with another secret', () => {
    expect(hasValidUploadSignature(`${SECRET}x`, TERMS, signature)).toBe(false);
  });

  it('cannot be moved between fields by shifting separators', () => {
    const shifted = {
      ...TERMS,
      key: `${TERMS.key}","application/pdf`,
      contentType: '',
    };
    expect(hasValidUploadSignature(SECRET, shifted, signature)).toBe(false);
  });

  it.each([
    [
      'one flipped character',
      `${signature.slice(0, -1)}${signature.endsWith('0') ? '1' : '0'}`,
    ],
    ['upper case', signature.toUpperCase()],
    ['truncated', signature.slice(0, -1)],
    ['without its key id', signature.slice(9)],
    ['extended', `${signature}0`],
    ['empty', ''],
    [
      'base64 of the same bytes',
      Buffer.from(signature.slice(9), 'hex').toString('base64url'),
    ],
  ])('rejects a tampered signature: %s', (_, tampered) => {
    expect(hasValidUploadSignature(SECRET, TERMS, tampered)).toBe(false);
  });

  it('expires exactly at the signed instant', () => {
    const expiresAtMs = TERMS.expires * 1000;
    expect(isUploadExpired(TERMS, new Date(expiresAtMs - 1))).toBe(false);
    expect(isUploadExpired(TERMS, new Date(expiresAtMs))).toBe(true);
    expect(isUploadExpired(TERMS, new Date(expiresAtMs + 1))).toBe(true);
  });

  it.each<[string, SignedUploadTerms['length'], string]>([
    ['an exact length', { kind: 'exact', bytes: 1234 }, 'contentLength=1234'],
    ['a maximum length', { kind: 'max', bytes: 99 }, 'maxContentLength=99'],
  ])('round-trips %s through the query string', (_, length, parameter) => {
    const terms = { ...TERMS, length };
    const queryString = formatSignedUploadQuery(terms, signature);
    expect(queryString).toContain(parameter);
    const query = Object.fromEntries(new URLSearchParams(queryString));
    expect(parseSignedUploadQuery(query)).toEqual({
      contentType: TERMS.contentType,
      length,
      expires: TERMS.expires,
      signature,
    });
  });

  it.each<[string, Record<string, unknown>]>([
    [
      'a missing signature',
      { contentType: 'a/b', contentLength: '1', expires: '2' },
    ],
    ['a missing content type', { contentLength: '1', expires: '2', signature }],
    [
      'a repeated parameter',
      {
        contentType: 'a/b',
        contentLength: ['1', '2'],
        expires: '2',
        signature,
      },
    ],
    [
      'a negative length',
      { contentType: 'a/b', contentLength: '-1', expires: '2', signature },
    ],
    [
      'a fractional length',
      { contentType: 'a/b', contentLength: '1.5', expires: '2', signature },
    ],
    [
      'a length with a leading zero',
      { contentType: 'a/b', contentLength: '01', expires: '2', signature },
    ],
    [
      'a length with spaces',
      { contentType: 'a/b', contentLength: ' 1', expires: '2', signature },
    ],
    [
      'a non-numeric expiry',
      { contentType: 'a/b', contentLength: '1', expires: 'soon', signature },
    ],
    [
      'both length forms',
      {
        contentType: 'a/b',
        contentLength: '1',
        maxContentLength: '1',
        expires: '2',
        signature,
      },
    ],
    [
      'an unsafe integer',
      {
        contentType: 'a/b',
        contentLength: '9999999999999999',
        expires: '2',
        signature,
      },
    ],
  ])('parses %s as not issued by us', (_, query) => {
    expect(parseSignedUploadQuery(query)).toBeNull();
  });
});
