import {
  startTestApp,
  type TestApp,
  type TestWorkspace,
} from './support/test-app.js';

const MINTED_ID = /^req_[0-9a-f-]{36}$/;

describe('headers on every response', () => {
  let t: TestApp;
  let ws: TestWorkspace;

  beforeAll(async () => {
    t = await startTestApp();
    ws = await t.createWorkspace();
  });
  afterAll(() => t.close());

  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${t.baseUrl}${path}`, { headers });
  const withKey = () => ({ Authorization: `Bearer ${ws.apiKey}` });

  async function expectIdInBody(response: Response, status: number) {
    expect(response.status).toBe(status);
    const requestId = response.headers.get('x-request-id');
    expect(requestId).toMatch(MINTED_ID);
    expect((await response.json()).requestId).toBe(requestId);
  }

  describe('X-Request-Id', () => {
    it('is on a path Express cannot decode, and in its problem body', async () => {
      await expectIdInBody(await get('/v1/media/%ZZ'), 400);
    });

    it('is on unknown routes', async () => {
      await expectIdInBody(await get('/v1/nothing-here'), 404);
      await expectIdInBody(await get('/nothing-here'), 404);
    });

    it('is on a 401', async () => {
      await expectIdInBody(await get('/v1/workspace'), 401);
    });

    it('is on a 413', async () => {
      const response = await fetch(`${t.baseUrl}/v1/media/upload`, {
        method: 'POST',
        headers: { ...withKey(), 'Content-Type': 'application/json' },
        body: JSON.stringify({ filename: 'x'.repeat(2 * 1024 * 1024) }),
      });
      await expectIdInBody(response, 413);
    });

    it('is on a 200', async () => {
      const response = await get('/v1/workspace', withKey());
      expect(response.status).toBe(200);
      expect(response.headers.get('x-request-id')).toMatch(MINTED_ID);
    });

    it.each(['/docs', '/docs-json'])('is on %s', async (path) => {
      const response = await get(path);
      expect(response.status).toBe(200);
      expect(response.headers.get('x-request-id')).toMatch(MINTED_ID);
    });

    it.each(['/v1/media/%ZZ', '/docs', '/v1/workspace'])(
      "echoes the client's id on %s",
      async (path) => {
        const response = await get(path, { 'X-Request-Id': 'client-trace-7' });
        expect(response.headers.get('x-request-id')).toBe('client-trace-7');
      },
    );

    it('differs between requests', async () => {
      const [a, b] = await Promise.all([get('/docs-json'), get('/docs-json')]);
      expect(a.headers.get('x-request-id')).not.toBe(
        b.headers.get('x-request-id'),
      );
    });
  });

  describe('security headers', () => {
    const directives = (header: string | null) =>
      new Map(
        (header ?? '').split(';').map((directive) => {
          const [name, ...sources] = directive.trim().split(/\s+/);
          return [name, sources] as const;
        }),
      );

    it.each(['/v1/workspace', '/v1/media/%ZZ', '/v1/nothing-here', '/v1'])(
      "sends OWASP's REST set on %s",
      async (path) => {
        const response = await get(path);
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
        expect(response.headers.get('strict-transport-security')).toContain(
          'max-age=',
        );
        expect(response.headers.get('x-frame-options')).toBe('DENY');
        const policy = directives(
          response.headers.get('content-security-policy'),
        );
        expect([...policy.keys()].sort()).toEqual([
          'default-src',
          'frame-ancestors',
        ]);
        expect(policy.get('default-src')).toEqual(["'none'"]);
        expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
        for (const documentOnly of [
          'cross-origin-opener-policy',
          'origin-agent-cluster',
          'x-dns-prefetch-control',
          'x-download-options',
          'x-permitted-cross-domain-policies',
          'x-xss-protection',
        ]) {
          expect(response.headers.get(documentOnly)).toBeNull();
        }
        expect(response.headers.get('x-powered-by')).toBeNull();
      },
    );

    it.each(['/docs', '/docs-json', '/health/live', '/nothing-here', '/v1x'])(
      "sends helmet's page set on %s",
      async (path) => {
        const response = await get(path);
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
        expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
        expect(response.headers.get('referrer-policy')).toBe('no-referrer');
        expect(response.headers.get('cross-origin-opener-policy')).toBe(
          'same-origin',
        );
        expect(response.headers.get('content-security-policy')).toContain(
          "default-src 'self'",
        );
        expect(response.headers.get('x-powered-by')).toBeNull();
      },
    );

    it('lets other origins embed resources', async () => {
      const response = await get('/health/live');
      expect(response.headers.get('cross-origin-resource-policy')).toBe(
        'cross-origin',
      );
    });
  });

  describe('Cache-Control', () => {
    it.each([
      ['a 200', '/v1/workspace', true, 200],
      ['a 401', '/v1/workspace', false, 401],
      ['a 404', '/v1/media/media_000000000000000000000000', true, 404],
      ['an unknown route', '/v1/nothing-here', true, 404],
      ['an undecodable path', '/v1/media/%ZZ', true, 400],
    ])(
      'is no-store on %s under /v1',
      async (_name, path, authenticated, status) => {
        const response = await get(path, authenticated ? withKey() : {});
        expect(response.status).toBe(status);
        expect(response.headers.get('cache-control')).toBe('no-store');
      },
    );

    it('is left alone outside /v1', async () => {
      expect((await get('/docs-json')).headers.get('cache-control')).toBeNull();
    });
  });

  describe('Swagger UI under the Content-Security-Policy', () => {
    const directives = (header: string) =>
      new Map(
        header.split(';').map((directive) => {
          const [name, ...sources] = directive.trim().split(/\s+/);
          return [name, sources] as const;
        }),
      );

    it('loads only same-origin scripts and styles, and no inline script', async () => {
      const response = await get('/docs');
      const policy = directives(
        response.headers.get('content-security-policy')!,
      );
      expect(policy.get('script-src')).toEqual(["'self'"]);
      expect(policy.get('style-src')).toContain("'unsafe-inline'");
      expect(policy.get('img-src')).toEqual(["'self'", 'data:']);
      expect(policy.has('upgrade-insecure-requests')).toBe(false);

      const html = await response.text();
      expect(html).not.toMatch(/<script>|<script\s+(?![^>]*\bsrc=)/);
      const assets = [
        ...html.matchAll(/<(?:script src|link[^>]*href)=["']([^"']+)["']/g),
      ].map((match) => match[1]);
      expect(assets.length).toBeGreaterThanOrEqual(4);
      for (const asset of assets) {
        const url = new URL(asset, `${t.baseUrl}/docs`);
        expect(url.origin).toBe(t.baseUrl);
        expect((await fetch(url)).status).toBe(200);
      }
    });
  });
});
