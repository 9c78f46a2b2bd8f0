import { fixture, requestUpload } from './support/media.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const PAGE_ORIGIN = 'http://app.example.test:5173';

const EXPOSED = [
  'X-Request-Id',
  'X-RateLimit-Limit',
  'X-RateLimit-Remaining',
  'X-RateLimit-Reset',
  'RateLimit-Policy',
  'RateLimit',
  'Retry-After',
  'Idempotent-Replayed',
  'ETag',
];

function listOf(header: string | null): string[] {
  return (header ?? '').split(',').map((item) => item.trim().toLowerCase());
}

describe('CORS with CORS_ORIGINS listing origins', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({
      CORS_ORIGINS: `${PAGE_ORIGIN},https://other.example.test`,
      // The exposed rate-limit headers are only sent while limits are on.
      RATE_LIMIT_ENABLED: 'true',
    });
  });
  afterAll(() => t?.close());

  const preflight = (path: string, method: string, headers: string) =>
    fetch(`${t.baseUrl}${path}`, {
      method: 'OPTIONS',
      headers: {
        Origin: PAGE_ORIGIN,
        'Access-Control-Request-Method': method,
        'Access-Control-Request-Headers': headers,
      },
    });

  it('answers the preflight of a JSON POST with a key and an Idempotency-Key', async () => {
    const response = await preflight(
      '/v1/media/upload',
      'POST',
      'authorization,content-type,idempotency-key,x-request-id',
    );
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(
      PAGE_ORIGIN,
    );
    expect(
      listOf(response.headers.get('access-control-allow-methods')),
    ).toEqual(expect.arrayContaining(['post', 'put']));
    expect(
      listOf(response.headers.get('access-control-allow-headers')),
    ).toEqual(
      expect.arrayContaining([
        'authorization',
        'content-type',
        'idempotency-key',
        'x-api-key',
        'soku-api-key',
        'x-request-id',
      ]),
    );
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    expect(response.headers.get('vary')).toMatch(/origin/i);
  });

  it('answers the preflight of an upload PUT with Content-Type, and the PUT itself', async () => {
    const ws = await t.createWorkspace();
    const jpeg = await fixture('jpeg-baseline-jfif.jpg');
    const upload = await requestUpload(
      t.client(ws.apiKey),
      'photo.jpg',
      'image/jpeg',
      jpeg,
    );
    const path = new URL(upload.uploadUrl);
    const response = await preflight(
      `${path.pathname}${path.search}`,
      'PUT',
      'content-type',
    );
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(
      PAGE_ORIGIN,
    );
    expect(
      listOf(response.headers.get('access-control-allow-methods')),
    ).toContain('put');

    const put = await fetch(upload.uploadUrl, {
      method: 'PUT',
      headers: { ...upload.uploadHeaders, Origin: PAGE_ORIGIN },
      body: new Uint8Array(jpeg),
    });
    expect(put.status).toBe(200);
    expect(put.headers.get('access-control-allow-origin')).toBe(PAGE_ORIGIN);
    expect(listOf(put.headers.get('access-control-expose-headers'))).toContain(
      'etag',
    );
  });

  it('exposes the headers a browser client reads on API answers', async () => {
    const ws = await t.createWorkspace();
    const response = await fetch(`${t.baseUrl}/v1/workspace`, {
      headers: { Origin: PAGE_ORIGIN, Authorization: `Bearer ${ws.apiKey}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(
      PAGE_ORIGIN,
    );
    expect(
      listOf(response.headers.get('access-control-expose-headers')),
    ).toEqual(
      expect.arrayContaining(EXPOSED.map((name) => name.toLowerCase())),
    );
    expect(response.headers.get('x-ratelimit-limit')).not.toBeNull();
  });

  it('sends no CORS headers to API callers that send no Origin', async () => {
    const ws = await t.createWorkspace();
    const response = await fetch(`${t.baseUrl}/v1/workspace`, {
      headers: { Authorization: `Bearer ${ws.apiKey}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('access-control-expose-headers')).toBeNull();
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('gives an origin not in the list no CORS headers', async () => {
    const response = await fetch(`${t.baseUrl}/v1/media/upload`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://evil.example.test',
        'Access-Control-Request-Method': 'POST',
      },
    });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('CORS defaults', () => {
  it('allows any origin outside production', async () => {
    const t = await startTestApp();
    try {
      const response = await fetch(`${t.baseUrl}/health/live`, {
        headers: { Origin: 'https://anywhere.example.test' },
      });
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
    } finally {
      await t.close();
    }
  });

  it('marks cacheable answers for any origin even when the request names none', async () => {
    const t = await startTestApp();
    try {
      const page = await fetch(`${t.baseUrl}/docs-json`);
      expect(page.headers.get('access-control-allow-origin')).toBe('*');
      const withOrigin = await fetch(`${t.baseUrl}/v1/workspace`, {
        headers: { Origin: 'https://anywhere.example.test' },
      });
      expect(withOrigin.status).toBe(401);
      expect(withOrigin.headers.get('access-control-allow-origin')).toBe('*');
      const without = await fetch(`${t.baseUrl}/v1/workspace`);
      expect(without.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await t.close();
    }
  });
});
