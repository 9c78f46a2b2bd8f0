import sharp from 'sharp';
import { serve, startFileHost, type FileHost } from './support/file-host.js';
import {
  freePort,
  startTestApp,
  type TestApp,
  type TestWorkspace,
} from './support/test-app.js';

const JFIF_SOI = Buffer.from('ffd8ffe000104a46494600', 'hex');

describe('OG templates', () => {
  let t: TestApp;
  let ws: TestWorkspace;
  let host: FileHost;

  beforeAll(async () => {
    const avatar = await sharp({
      create: { width: 300, height: 300, channels: 3, background: '#0ea5e9' },
    })
      .png()
      .toBuffer();
    const background = await sharp({
      create: { width: 1600, height: 900, channels: 3, background: '#7c3aed' },
    })
      .jpeg()
      .toBuffer();
    host = await startFileHost({
      '/avatar.png': serve(avatar, 'image/png'),
      '/cover.jpg': serve(background, 'image/jpeg'),
    });
    t = await startTestApp({ FETCH_ALLOW_PRIVATE_ADDRESSES: 'true' });
    ws = await t.createWorkspace();
  });
  afterAll(async () => {
    await t?.close();
    await host?.close();
  });

  const request = (method: string, path: string, body?: unknown) =>
    fetch(`${t.baseUrl}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${ws.apiKey}`,
        'Content-Type': 'application/json',
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  /** Renders, then checks the stored item and the served bytes; returns the item. */
  async function expectRendered(
    path: string,
    body: Record<string, unknown>,
    size: { width: number; height: number },
  ) {
    const response = await request('POST', path, body);
    expect(response.status).toBe(201);
    const created = (await response.json()) as { url: string; id: string };
    expect(Object.keys(created).sort()).toEqual(['id', 'url']);
    const item = (await (
      await request('GET', `/v1/media/${created.id}`)
    ).json()) as {
      status: string;
      contentType: string;
      publicUrl: string;
      width: number;
      height: number;
      metadata: Record<string, unknown>;
    };
    expect(item).toMatchObject({
      status: 'READY',
      contentType: 'image/jpeg',
      publicUrl: created.url,
      width: size.width,
      height: size.height,
      metadata: { source: 'render' },
    });
    const file = await fetch(created.url);
    // Rendered as a PNG, stored as a JPEG: saved under the name of what it is.
    expect(file.headers.get('content-disposition')).toMatch(
      /^inline; filename="[\w-]+\.jpg"; /,
    );
    const served = Buffer.from(await file.arrayBuffer());
    expect(served.subarray(0, JFIF_SOI.length)).toEqual(JFIF_SOI);
    const metadata = await sharp(served).metadata();
    expect([metadata.format, metadata.width, metadata.height]).toEqual([
      'jpeg',
      size.width,
      size.height,
    ]);
    return item;
  }

  it('POST /v1/templates renders tweetImage into a READY JFIF JPEG at 1200×630', async () => {
    const config = {
      title: 'Shipping templates today',
      subtitle: 'changelog',
      author: 'Ada Lovelace',
      avatarUrl: `${host.baseUrl}/avatar.png`,
      theme: 'light',
    };
    const item = await expectRendered(
      '/v1/templates',
      { templateSlug: 'tweetImage', config },
      { width: 1200, height: 630 },
    );
    expect(item.metadata.template).toEqual({
      slug: 'tweetImage',
      config,
      aspectRatio: null,
      width: 1200,
      height: 630,
    });
    expect(host.requests.map((r) => r.path)).toContain('/avatar.png');
  });

  it('POST /v1/media/render-og renders og-blog-post at each aspect ratio', async () => {
    for (const [aspectRatio, size] of [
      ['1:1', { width: 1080, height: 1080 }],
      ['4:5', { width: 1080, height: 1350 }],
      ['9:16', { width: 1080, height: 1920 }],
    ] as const) {
      await expectRendered(
        '/v1/media/render-og',
        {
          templateSlug: 'og-blog-post',
          aspectRatio,
          config: {
            title: `Cover at ${aspectRatio}`,
            author: 'Grace Hopper',
            date: '2025-06-01',
            backgroundImage: `${host.baseUrl}/cover.jpg`,
          },
        },
        size,
      );
    }
  });

  it('renders with defaults when config is left out', async () => {
    await expectRendered(
      '/v1/templates',
      { templateSlug: 'og-blog-post' },
      { width: 1200, height: 630 },
    );
  });

  it('still renders, with a placeholder, when the avatar cannot be fetched', async () => {
    const closed = await freePort();
    const item = await expectRendered(
      '/v1/templates',
      {
        templateSlug: 'tweetImage',
        config: {
          author: 'Ada Lovelace',
          avatarUrl: `http://127.0.0.1:${closed}/gone.png`,
        },
      },
      { width: 1200, height: 630 },
    );
    expect(item.metadata.template).toMatchObject({
      placeholders: ['avatarUrl'],
    });
  });

  it('renders a 400-character title and a CJK (Hangul too) + emoji title', async () => {
    await expectRendered(
      '/v1/templates',
      {
        templateSlug: 'tweetImage',
        aspectRatio: '9:16',
        config: {
          title: `${'x'.repeat(60)} ${'Long title '.repeat(40)}`.slice(0, 400),
        },
      },
      { width: 1080, height: 1920 },
    );
    await expectRendered(
      '/v1/media/render-og',
      {
        templateSlug: 'og-blog-post',
        config: {
          title: '東京で新製品を発表 🚀🎉 中文标题 한국어 제목 → 👩‍💻🇯🇵',
        },
      },
      { width: 1200, height: 630 },
    );
  });

  it('answers 404 for an unknown template', async () => {
    const response = await request('POST', '/v1/templates', {
      templateSlug: 'no-such-template',
    });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(
      /^application\/problem\+json/,
    );
    expect(await response.json()).toMatchObject({ code: 'not_found' });
  });

  it('answers 400 naming each bad config field, and each bad body field', async () => {
    const response = await request('POST', '/v1/media/render-og', {
      templateSlug: 'tweetImage',
      config: { title: 42, theme: 'sepia', colour: 'red' },
    });
    expect(response.status).toBe(400);
    const problem = (await response.json()) as {
      code: string;
      errors: Array<{ field: string }>;
    };
    expect(problem.code).toBe('validation_error');
    expect(problem.errors.map((error) => error.field).sort()).toEqual([
      'config.colour',
      'config.theme',
      'config.title',
    ]);

    const badBody = await request('POST', '/v1/templates', {
      templateSlug: 'tweetImage',
      aspectRatio: '2:1',
      config: 'title',
    });
    expect(badBody.status).toBe(400);
    const fields = (
      (await badBody.json()) as { errors: Array<{ field: string }> }
    ).errors.map((error) => error.field);
    expect(fields.sort()).toEqual(['aspectRatio', 'config']);
  });

  it('replays the same body sent twice instead of rendering again', async () => {
    const body = {
      templateSlug: 'tweetImage',
      config: { title: `Replay ${Date.now()}` },
    };
    const first = await request('POST', '/v1/templates', body);
    expect(first.status).toBe(201);
    const second = await request('POST', '/v1/templates', body);
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(await second.json()).toEqual(await first.json());
  });

  it('GET /v1/templates lists both built-ins with their fields and sizes', async () => {
    const response = await request('GET', '/v1/templates');
    expect(response.status).toBe(200);
    const { data } = (await response.json()) as {
      data: Array<{
        slug: string;
        fields: Array<{ name: string; type: string }>;
        sizes: Array<{ aspectRatio: string; width: number; height: number }>;
        samples: string;
      }>;
    };
    expect(data.map((template) => template.slug)).toEqual([
      'tweetImage',
      'og-blog-post',
    ]);
    expect(data[0].fields.map((field) => field.name)).toEqual([
      'title',
      'subtitle',
      'author',
      'avatarUrl',
      'theme',
    ]);
    expect(data[1].fields).toContainEqual(
      expect.objectContaining({ name: 'backgroundImage', type: 'image' }),
    );
    expect(data[1].sizes).toEqual([
      { aspectRatio: 'default', width: 1200, height: 630 },
      { aspectRatio: '1:1', width: 1080, height: 1080 },
      { aspectRatio: '4:5', width: 1080, height: 1350 },
      { aspectRatio: '9:16', width: 1080, height: 1920 },
    ]);
    expect(data[0].samples).toBe('docs/templates/tweetImage-*.png');
  });
});
