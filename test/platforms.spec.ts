import { PLATFORM_RULES } from '../src/modules/validation/platform-rules.js';
import { PLATFORMS } from '../src/modules/validation/platforms.js';
import {
  startTestApp,
  type TestApp,
  type TestWorkspace,
} from './support/test-app.js';

describe('GET /v1/platforms', () => {
  let t: TestApp;
  let reader: TestWorkspace;

  beforeAll(async () => {
    t = await startTestApp();
    reader = await t.createWorkspace({ scopes: ['media:read'] });
  });
  afterAll(async () => {
    await t?.close();
  });

  const get = (apiKey?: string) =>
    fetch(`${t.baseUrl}/v1/platforms`, {
      headers: apiKey ? { Authorization: `Bearer ${apiKey}` } : {},
    });

  it('lists the 11 platforms with the rules the validator checks, each with its source and date', async () => {
    const response = await get(reader.apiKey);
    expect(response.status).toBe(200);
    const { data } = (await response.json()) as {
      data: Array<{ platform: string; asOf: string; source: string }>;
    };
    expect(data.map((entry) => entry.platform)).toEqual([...PLATFORMS]);
    for (const entry of data) {
      const { platform, ...rules } = entry;
      // The same data file, as JSON: nothing the validator reads is left out or altered.
      expect(rules).toEqual(
        JSON.parse(
          JSON.stringify(
            PLATFORM_RULES[platform as keyof typeof PLATFORM_RULES],
          ),
        ),
      );
      expect(entry.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(entry.source.length).toBeGreaterThan(10);
    }
  });

  it('carries the current X post limits: 20 min and 8 GB', async () => {
    const { data } = (await (await get(reader.apiKey)).json()) as {
      data: Array<{
        platform: string;
        video: { sizeBytes: { max: number }; durationSeconds: { max: number } };
        image: unknown;
      }>;
    };
    const x = data.find((entry) => entry.platform === 'X')!;
    expect(x.video.durationSeconds.max).toBe(1_200);
    expect(x.video.sizeBytes.max).toBe(8_000_000_000);
    const story = data.find((entry) => entry.platform === 'INSTAGRAM_STORY')!;
    expect(story.image).toBeNull();
  });

  it('needs an API key with media:read', async () => {
    expect((await get()).status).toBe(401);
    const webhooksOnly = await t.createWorkspace({ scopes: ['webhooks:read'] });
    const refused = await get(webhooksOnly.apiKey);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: 'insufficient_scope' });
  });
});
