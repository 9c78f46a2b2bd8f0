import { QUEUES } from '../src/infra/registry.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const ADMIN_TOKEN = 'admin-token-for-tests-0123456';
const METRICS_TOKEN = 'metrics-token-for-tests-0123';
const basic = (password: string) =>
  `Basic ${Buffer.from(`ops:${password}`).toString('base64')}`;

describe('queue dashboard (bull-board) at /admin/queues', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ ADMIN_TOKEN, METRICS_TOKEN });
  });
  afterAll(() => t?.close());

  const get = (path: string, authorization?: string) =>
    fetch(`${t.baseUrl}${path}`, {
      headers: authorization ? { Authorization: authorization } : {},
    });

  it('lists every queue to a Bearer ADMIN_TOKEN', async () => {
    const response = await get(
      '/admin/queues/api/queues',
      `Bearer ${ADMIN_TOKEN}`,
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as { queues: Array<{ name: string }> };
    expect(body.queues.map((queue) => queue.name).sort()).toEqual(
      Object.values(QUEUES).sort(),
    );
  });

  it('serves its page to a browser logging in with Basic, the token as the password', async () => {
    const response = await get('/admin/queues', basic(ADMIN_TOKEN));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(await response.text()).toContain('<base href="/admin/queues/"');
  });

  it('answers 401 with a Basic challenge without the token or with a wrong one', async () => {
    for (const authorization of [
      undefined,
      'Bearer not-the-admin-token-000',
      basic('not-the-admin-token-000'),
      `Bearer ${METRICS_TOKEN}`,
    ]) {
      for (const path of ['/admin/queues', '/admin/queues/api/queues']) {
        const response = await get(path, authorization);
        expect(response.status, `${path} ${authorization}`).toBe(401);
        expect(response.headers.get('www-authenticate')).toMatch(/^Basic /);
        expect(await response.json()).toMatchObject({ code: 'unauthorized' });
      }
    }
  });

  it('counts its API requests under their route pattern', async () => {
    await get('/admin/queues/api/queues', `Bearer ${ADMIN_TOKEN}`);
    const text = await (
      await get('/metrics', `Bearer ${METRICS_TOKEN}`)
    ).text();
    expect(text).toMatch(
      /^http_requests_total\{method="GET",route="\/admin\/queues\/api\/queues",status="200"\} [1-9]/m,
    );
  });
});

describe('queue dashboard without ADMIN_TOKEN', () => {
  it('does not exist, whatever the credentials', async () => {
    const t = await startTestApp();
    try {
      for (const path of ['/admin/queues', '/admin/queues/api/queues']) {
        const response = await fetch(`${t.baseUrl}${path}`, {
          headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
        });
        expect(response.status, path).toBe(404);
      }
    } finally {
      await t.close();
    }
  });
});
