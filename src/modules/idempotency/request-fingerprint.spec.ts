import {
  canonicalJson,
  isValidIdempotencyKey,
  requestFingerprint,
} from './request-fingerprint.js';

describe('request fingerprints', () => {
  it('ignore key order at every level but nothing else', () => {
    const a = requestFingerprint('POST', '/v1/media', {
      url: 'https://a.example/x.png',
      meta: { b: 1, a: [2, { d: 4, c: 3 }] },
    });
    const b = requestFingerprint('post', '/v1/media', {
      meta: { a: [2, { c: 3, d: 4 }], b: 1 },
      url: 'https://a.example/x.png',
    });
    expect(a).toBe(b);
    expect(
      requestFingerprint('POST', '/v1/media', {
        url: 'https://a.example/x.png',
        meta: { b: 1, a: [{ d: 4, c: 3 }, 2] },
      }),
    ).not.toBe(a);
    expect(requestFingerprint('POST', '/v1/templates', {})).not.toBe(
      requestFingerprint('POST', '/v1/media/render-og', {}),
    );
    expect(requestFingerprint('POST', '/v1/media', { a: 1 })).not.toBe(
      requestFingerprint('POST', '/v1/media', { a: '1' }),
    );
  });

  it('write canonical JSON for every kind of value', () => {
    expect(canonicalJson({ b: [true, null, 'x'], a: 1.5 })).toBe(
      '{"a":1.5,"b":[true,null,"x"]}',
    );
    expect(canonicalJson(undefined)).toBe('null');
  });

  it.each([
    ['a', true],
    ['order-2026-11-24/42', true],
    ['x'.repeat(255), true],
    ['', false],
    ['x'.repeat(256), false],
    ['tab\tinside', false],
    ['newline\n', false],
    ['naïve', false],
  ])('accepts %j as a key: %s', (key, valid) => {
    expect(isValidIdempotencyKey(key)).toBe(valid);
  });
});
