import {
  startTestApp,
  type TestApp,
  type TestWorkspace,
} from './support/test-app.js';

describe('one error shape everywhere', () => {
  let t: TestApp;
  let ws: TestWorkspace;

  beforeAll(async () => {
    t = await startTestApp();
    ws = await t.createWorkspace();
  });
  afterAll(() => t.close());

  const raw = (
    path: string,
    init: {
      method?: string;
      body?: string;
      headers?: Record<string, string>;
    } = {},
  ) =>
    fetch(`${t.baseUrl}${path}`, {
      ...init,
      headers: {
        Authorization: `Bearer ${ws.apiKey}`,
        'Content-Type': 'application/json',
        ...init.headers,
      },
    });

  async function expectProblem(
    response: Response,
    status: number,
    code: string,
  ) {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(
      /^application\/problem\+json/,
    );
    const requestId = response.headers.get('x-request-id');
    expect(requestId).toBeTruthy();
    const body = await response.json();
    expect(body).toMatchObject({
      type: `urn:media-api:problem:${code}`,
      status,
      code,
      requestId,
    });
    expect(typeof body.title).toBe('string');
    expect(typeof body.message).toBe('string');
    return body;
  }

  it('lists every invalid field of a body in errors[]', async () => {
    const { error, response } = await t
      .client(ws.apiKey)
      .POST('/v1/media/upload', {
        body: {
          filename: '',
          contentType: 'image/tiff',
          sizeBytes: -1,
        } as never,
      });
    expect(response.status).toBe(400);
    expect(error).toMatchObject({
      code: 'validation_error',
      title: 'Invalid request',
    });
    expect(error!.errors!.map((e) => e.field).sort()).toEqual([
      'contentType',
      'filename',
      'sizeBytes',
    ]);
    for (const fieldError of error!.errors!) {
      expect(fieldError.message).toContain(fieldError.field);
    }
  });

  it('says a missing required field is required', async () => {
    const { error } = await t.client(ws.apiKey).POST('/v1/media/upload', {
      body: { contentType: 'image/png', sizeBytes: 10 } as never,
    });
    expect(error!.errors).toEqual([
      { field: 'filename', message: 'filename is required' },
    ]);
  });

  it('names nested fields with their path', async () => {
    const { error } = await t.client(ws.apiKey).POST('/v1/media/bulk-presign', {
      body: {
        files: [
          { filename: 'ok.mp4', contentType: 'video/mp4', size: 1 },
          { filename: 'x.mp4', contentType: 'video/mp4' },
        ],
      } as never,
    });
    expect(error!.errors!.map((e) => e.field)).toEqual(['files.1.size']);
  });

  it('answers malformed JSON with 400 validation_error', async () => {
    const body = await expectProblem(
      await raw('/v1/media/upload', { method: 'POST', body: '{"filename": ' }),
      400,
      'validation_error',
    );
    expect(body.message).toBe('The request body is not valid JSON');
  });

  it('answers an oversized body with 413 payload_too_large', async () => {
    const huge = JSON.stringify({ filename: 'x'.repeat(2 * 1024 * 1024) });
    await expectProblem(
      await raw('/v1/media/upload', { method: 'POST', body: huge }),
      413,
      'payload_too_large',
    );
  });

  it('answers an unknown route with 404 not_found', async () => {
    await expectProblem(await raw('/v1/nothing-here'), 404, 'not_found');
  });

  it('echoes a client X-Request-Id and mints one otherwise', async () => {
    const echoed = await raw('/v1/workspace', {
      headers: { 'X-Request-Id': 'client-trace-123' },
    });
    expect(echoed.headers.get('x-request-id')).toBe('client-trace-123');
    const minted = await raw('/v1/workspace', {
      headers: { 'X-Request-Id': 'bad id with spaces' },
    });
    expect(minted.headers.get('x-request-id')).toMatch(/^req_[0-9a-f-]{36}$/);
  });

  it('reports readiness of the database, Redis and storage', async () => {
    const response = await fetch(`${t.baseUrl}/health/ready`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ok',
      checks: { database: 'up', redis: 'up', storage: 'up' },
    });
    expect((await fetch(`${t.baseUrl}/health/live`)).status).toBe(200);
  });

  it('serves Swagger UI and the OpenAPI document', async () => {
    expect((await fetch(`${t.baseUrl}/docs`)).status).toBe(200);
    const document = await (await fetch(`${t.baseUrl}/docs-json`)).json();
    expect(document.paths['/v1/media/upload'].post.operationId).toBe(
      'createUpload',
    );
  });
});
