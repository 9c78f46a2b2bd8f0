/**
 * Template rendering cost, and what it does to other requests. Run with `npm run bench:templates`.
 * Not a test: it prints numbers for a human to compare between changes and machines.
 *
 * 1. Per built-in template (own size, no remote images): median time of CardRenderer.renderPng —
 *    the worker pool hop, satori in a worker, sharp SVG → PNG — next to raw satori + sharp on the
 *    main thread rendering the same tree with the same fonts, alternating in the same run.
 * 2. GET /v1/media/:id latency on a built server process, alone and while 4 renders
 *    (POST /v1/templates) are always in flight: renders must not stall the event loop.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import satori from 'satori';
import sharp from 'sharp';
import { ensureBuilt } from '../scripts/build-if-stale.mjs';
import { textOf } from '../src/infra/render/card-element.js';
import { CardRenderer } from '../src/infra/render/card-renderer.js';
import { EmojiImages } from '../src/infra/render/emoji.js';
import { CjkFallbackFonts, loadBaseFonts } from '../src/infra/render/fonts.js';
import { validateConfig } from '../src/modules/templates/config-fields.js';
import { BUILT_IN_TEMPLATES } from '../src/modules/templates/definitions/index.js';
import { startServerProcess } from '../test/support/server-process.js';
import { freePort } from '../test/support/test-app.js';
import { dropBenchDatabase } from './support.js';

const RENDERS = 40;
const WARM_UP = 5;
const GETS = 400;
const CONCURRENT_RENDERS = 4;
const TITLE = 'Designing share images that survive every aspect ratio → 🚀';

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
};

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

async function compareRenderers(): Promise<void> {
  const renderer = new CardRenderer();
  const fonts = loadBaseFonts();
  const cjkFonts = new CjkFallbackFonts();
  const emoji = new EmojiImages();
  console.log(
    `Render time per template at its own size, median of ${RENDERS} (ms):`,
  );
  try {
    for (const template of BUILT_IN_TEMPLATES) {
      const { config } = validateConfig(template.fields, {
        title: TITLE,
        author: 'Ada Lovelace',
      });
      const size = template.defaultSize;
      const tree = template.layout({ config, size, images: {} });
      const adapter = () => renderer.renderPng(tree, size);
      const raw = async () => {
        const svg = await satori(tree, {
          ...size,
          fonts,
          graphemeImages: emoji.imagesFor(textOf(tree)),
          loadAdditionalAsset: async (code, segment) =>
            code === 'emoji'
              ? (emoji.dataUrlFor(segment) ?? [])
              : cjkFonts.fontsFor(segment),
        });
        return sharp(Buffer.from(svg)).png().toBuffer();
      };
      for (let i = 0; i < WARM_UP; i += 1) {
        await adapter();
        await raw();
      }
      const adapterTimes: number[] = [];
      const rawTimes: number[] = [];
      for (let i = 0; i < RENDERS; i += 1) {
        adapterTimes.push(await timed(adapter));
        rawTimes.push(await timed(raw));
      }
      const ours = median(adapterTimes);
      const baseline = median(rawTimes);
      console.log(
        `  ${template.slug.padEnd(14)} CardRenderer ${ours.toFixed(1).padStart(6)}   raw satori + sharp ${baseline.toFixed(1).padStart(6)}   ratio ${(ours / baseline).toFixed(2)}`,
      );
    }
  } finally {
    await renderer.onModuleDestroy();
  }
}

async function latencyUnderRenders(): Promise<void> {
  await ensureBuilt({ log: (line: string) => console.log(line) });
  const database = `media_api_bench_templates_${Date.now().toString(36)}`;
  const storageDir = await mkdtemp(join(tmpdir(), 'bench-templates-'));
  const server = startServerProcess(await freePort(), {
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${database}`,
    REDIS_KEY_PREFIX: database,
    LOCAL_STORAGE_DIR: storageDir,
    RECONCILER_INTERVAL_SECONDS: '0',
    DEV_WORKSPACE_SEED: 'true',
    RATE_LIMIT_ENABLED: 'false',
  });
  try {
    await server.ready();
    const apiKey = /mk_live_[0-9A-Za-z]{32}/.exec(server.output())![0];
    const headers = {
      Authorization: `Bearer ${apiKey}`,
      'Content-Type': 'application/json',
    };
    let renders = 0;
    const render = async () => {
      const response = await fetch(`${server.baseUrl}/v1/templates`, {
        method: 'POST',
        headers: { ...headers, 'Idempotency-Key': `bench-${renders++}` },
        body: JSON.stringify({
          templateSlug: 'tweetImage',
          config: { title: `${TITLE} #${renders}` },
        }),
      });
      if (response.status !== 201) {
        throw new Error(`render answered ${response.status}`);
      }
      return (await response.json()) as { id: string };
    };
    const { id } = await render();
    const gets = async () => {
      const latencies: number[] = [];
      for (let i = 0; i < GETS; i += 1) {
        latencies.push(
          await timed(async () => {
            const response = await fetch(`${server.baseUrl}/v1/media/${id}`, {
              headers,
            });
            await response.arrayBuffer();
          }),
        );
      }
      return latencies;
    };
    await gets();
    const idle = await gets();
    let running = true;
    let completed = 0;
    const renderLoop = async () => {
      while (running) {
        await render();
        completed += 1;
      }
    };
    const loops = Array.from({ length: CONCURRENT_RENDERS }, renderLoop);
    const started = performance.now();
    const busy = await gets();
    const seconds = (performance.now() - started) / 1000;
    running = false;
    await Promise.all(loops);
    console.log(`\nGET /v1/media/:id, ${GETS} sequential requests (ms):`);
    console.log(
      `  alone                          p50 ${percentile(idle, 0.5).toFixed(2)}   p99 ${percentile(idle, 0.99).toFixed(2)}`,
    );
    console.log(
      `  with ${CONCURRENT_RENDERS} renders in flight         p50 ${percentile(busy, 0.5).toFixed(2)}   p99 ${percentile(busy, 0.99).toFixed(2)}   (${(completed / seconds).toFixed(1)} renders/s completed meanwhile)`,
    );
  } finally {
    await server.stop();
    await rm(storageDir, { recursive: true, force: true });
    await dropBenchDatabase(database);
  }
}

await compareRenderers();
await latencyUnderRenders();
