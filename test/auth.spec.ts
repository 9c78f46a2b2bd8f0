import {
  startTestApp,
  type TestApp,
  type TestWorkspace,
} from './support/test-app.js';

describe('API key authentication, subscription and scopes', () => {
  let t: TestApp;
  let active: TestWorkspace;

  beforeAll(async () => {
    t = await startTestApp();
    active = await t.createWorkspace({ subscription: 'active' });
  });
  afterAll(() => t.close());

  it.each(['authorization', 'x-api-key', 'soku-api-key'] as const)(
    'accepts the key in the %s header',
    async (header) => {
      const { data, response } = await t
        .client(active.apiKey, header)
        .GET('/v1/workspace');
      expect(response.status).toBe(200);
      expect(data).toEqual({
        id: active.workspace.id,
        name: active.workspace.name,
        subscriptionStatus: 'active',
        apiKey: {
          id: active.apiKeyId,
          name: 'test key',
          scopes: [
            'media:read',
            'media:write',
            'webhooks:read',
            'webhooks:write',
          ],
        },
      });
    },
  );

  it.each([
    ['missing', undefined, 'No API key'],
    ['malformed', 'not-a-key', 'malformed'],
    ['unknown', 'mk_live_00000000000000000000000000000000', 'not valid'],
  ])('answers 401 unauthorized for a %s key', async (_, key, message) => {
    const { error, response } = await t.client(key).GET('/v1/workspace');
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toMatch(
      /^application\/problem\+json/,
    );
    expect(error).toMatchObject({
      code: 'unauthorized',
      status: 401,
      type: 'urn:media-api:problem:unauthorized',
    });
    expect(error?.message).toContain(message);
    expect(error?.requestId).toBe(response.headers.get('x-request-id'));
  });

  it('answers 401 for a revoked key, and only after revocation', async () => {
    const { apiKey, apiKeyId } = await t.createWorkspace();
    expect((await t.client(apiKey).GET('/v1/workspace')).response.status).toBe(
      200,
    );
    await t.app
      .get(
        (await import('../src/modules/workspaces/workspaces.service.js'))
          .WorkspacesService,
      )
      .revokeApiKey(apiKeyId);
    const { error, response } = await t.client(apiKey).GET('/v1/workspace');
    expect(response.status).toBe(401);
    expect(error).toMatchObject({
      code: 'unauthorized',
      message: 'The API key has been revoked',
    });
  });

  it('stores only the SHA-256 of a key, never the key', async () => {
    const { DataSource } = await import('typeorm');
    const rows: Array<{ key_hash: string; key_prefix: string }> = await t.app
      .get(DataSource)
      .query('SELECT key_hash, key_prefix FROM api_keys WHERE id = $1', [
        active.apiKeyId,
      ]);
    const { createHash } = await import('node:crypto');
    expect(rows[0].key_hash).toBe(
      createHash('sha256').update(active.apiKey).digest('hex'),
    );
    expect(JSON.stringify(rows)).not.toContain(active.apiKey);
  });
});
