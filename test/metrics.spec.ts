import {
  fixture,
  putBytes,
  requestUpload,
  waitForStatus,
} from './support/media.js';
import {
  startTestApp,
  type TestApp,
  type TestWorkspace,
} from './support/test-app.js';

const METRICS_TOKEN = 'metrics-token-for-tests-0123';

/** The value of one sample line `name{labels} value`, labels in any order. */
function sample(
  text: string,
  name: string,
  labels: Record<string, string>,
): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-z_:]+)\{([^}]*)\} (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = Object.fromEntries(
      [...match[2].matchAll(/(\w+)="([^"]*)"/g)].map(([, k, v]) => [k, v]),
    );
    if (Object.entries(labels).every(([k, v]) => present[k] === v)) {
      return Number(match[3]);
    }
  }
  return undefined;
}

describe('Prometheus metrics at /metrics', () => {
  let t: TestApp;
  let other: TestApp;
  let ws: TestWorkspace;

  beforeAll(async () => {
    t = await startTestApp({ METRICS_TOKEN });
    // A second application in the same process keeps its own registry: no "already registered".
    other = await startTestApp({ METRICS_TOKEN });
    ws = await t.createWorkspace();
  });
  afterAll(async () => {
    await other?.close();
    await t?.close();
  });

  const scrape = (app: TestApp, authorization?: string) =>
    fetch(`${app.baseUrl}/metrics`, {
      headers: authorization ? { Authorization: authorization } : {},
    });

  it('needs the bearer token: 401 problem without it or with another one', async () => {
    for (const authorization of [undefined, 'Bearer wrong-token-0000000000']) {
      const response = await scrape(t, authorization);
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toContain(
        'application/problem+json',
      );
      expect(await response.json()).toMatchObject({
        code: 'unauthorized',
        requestId: response.headers.get('x-request-id'),
      });
    }
  });

  it('after an upload: the requests by route pattern, the job with its duration, normalisation and ingest bytes', async () => {
    const png = await fixture('png-alpha.png');
    const upload = await requestUpload(
      t.client(ws.apiKey),
      'banner.png',
      'image/png',
      png,
    );
    const put = await putBytes(upload.uploadUrl, upload.uploadHeaders, png);
    expect(put.status).toBe(200);
    await waitForStatus(t.client(ws.apiKey), upload.mediaId, ['READY']);

    const response = await scrape(t, `Bearer ${METRICS_TOKEN}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();

    expect(
      sample(text, 'http_requests_total', {
        method: 'POST',
        route: '/v1/media/upload',
        status: '201',
      }),
    ).toBe(1);
    expect(
      sample(text, 'http_requests_total', {
        method: 'PUT',
        route: '/uploads/*key',
        status: '200',
      }),
    ).toBe(1);
    expect(
      sample(text, 'http_requests_total', {
        method: 'GET',
        route: '/v1/media/:id',
        status: '200',
      }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sample(text, 'http_request_duration_seconds_count', {
        method: 'POST',
        route: '/v1/media/upload',
        status: '201',
      }),
    ).toBe(1);
    expect(text).not.toContain(upload.mediaId);

    const job = {
      queue: 'media-processing',
      job: 'process-media',
      outcome: 'completed',
    };
    expect(sample(text, 'media_api_job_duration_seconds_count', job)).toBe(1);
    expect(
      sample(text, 'media_api_job_duration_seconds_sum', job),
    ).toBeGreaterThan(0);
    expect(
      sample(text, 'media_api_job_duration_seconds_bucket', {
        ...job,
        le: '+Inf',
      }),
    ).toBe(1);
    expect(
      sample(text, 'media_api_image_normalisations_total', {
        outcome: 'converted',
      }),
    ).toBe(1);
    expect(
      sample(text, 'media_api_ingest_bytes_total', { source: 'upload' }),
    ).toBe(png.length);
    for (const queue of [
      'media-processing',
      'media-import',
      'media-validation',
    ]) {
      for (const state of ['waiting', 'active', 'failed', 'delayed']) {
        expect(
          sample(text, 'media_api_queue_jobs', { queue, state }),
          `${queue} ${state}`,
        ).toBe(0);
      }
    }
    expect(text).toContain('process_cpu_user_seconds_total');
  });

  it('labels requests no route matched as unmatched rather than by their path', async () => {
    await fetch(`${t.baseUrl}/no/such/path/abc123`);
    const text = await (await scrape(t, `Bearer ${METRICS_TOKEN}`)).text();
    expect(
      sample(text, 'http_requests_total', {
        method: 'GET',
        route: 'unmatched',
        status: '404',
      }),
    ).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain('abc123');
  });

  it('keeps each application in its own registry', async () => {
    const text = await (await scrape(other, `Bearer ${METRICS_TOKEN}`)).text();
    expect(
      sample(text, 'http_requests_total', {
        method: 'POST',
        route: '/v1/media/upload',
        status: '201',
      }),
    ).toBeUndefined();
  });
});

describe('/metrics without METRICS_TOKEN', () => {
  it('does not exist', async () => {
    const t = await startTestApp();
    try {
      const response = await fetch(`${t.baseUrl}/metrics`, {
        headers: { Authorization: 'Bearer anything-at-all-000000' },
      });
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ code: 'not_found' });
    } finally {
      await t.close();
    }
  });
});
