/**
 * Renditions against the tools they run. Run with `npm run bench:renditions`; not a test: it prints
 * numbers for a human to compare between changes and machines.
 *
 * Video: a 60 s 1080p H.264 clip with camera-style PCM audio in a QuickTime file (which
 * INSTAGRAM_STORY refuses: its audio must be AAC) is made into an INSTAGRAM_STORY rendition, framed
 * 9:16 by padding. Timed through VideoTranscoder (prlimit, setpriv, progress parsing, the abort and
 * timeout watch) against raw ffmpeg run with the same encode arguments. Target: ≥ 0.95× raw speed.
 *
 * Image: a 4000×3000 photo made into a TIKTOK rendition (within 1080p, 4:3 kept) and a
 * BLUESKY one (under 1,000,000 bytes, quality search) through ImageRenditionAdapter, against plain
 * sharp doing the same resize and one encode at quality 90.
 *
 * `RENDITION_BENCH_ROUNDS` (default 2) alternates the contenders that many times.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { ImageRenditionAdapter } from '../src/infra/image/image-rendition.js';
import { baselineJpegOptions } from '../src/infra/image/image-normalisation.js';
import { VideoAdapter } from '../src/infra/video/video.adapter.js';
import {
  VideoTranscoder,
  ffmpegTranscodeArguments,
} from '../src/infra/video/video-transcoder.js';
import { planImageRendition } from '../src/modules/renditions/image-plan.js';
import { planVideoRendition } from '../src/modules/renditions/video-plan.js';
import { evaluateMedia } from '../src/modules/validation/evaluate-media.js';
import { videoFactsFromInfo } from '../src/modules/validation/media-facts.js';
import { syntheticImage } from './support.js';

const run = promisify(execFile);
const ROUNDS = Number(process.env.RENDITION_BENCH_ROUNDS ?? 2);
const IMAGE_ROUNDS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/** ffmpeg with `args`, nothing around it. */
function rawFfmpeg(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('ffmpeg', args, {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`ffmpeg ${code}: ${stderr}`)),
    );
  });
}

async function benchVideo(dir: string): Promise<void> {
  const source = join(dir, 'camera.mov');
  process.stdout.write('Making a 60 s 1080p H.264 + PCM clip… ');
  await run('ffmpeg', [
    '-v',
    'error',
    '-f',
    'lavfi',
    '-i',
    'testsrc2=size=1920x1080:rate=30:duration=60',
    '-f',
    'lavfi',
    '-i',
    'sine=frequency=440:sample_rate=48000:duration=60',
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-crf',
    '18',
    '-pix_fmt',
    'yuv420p',
    '-c:a',
    'pcm_s16le',
    '-ac',
    '2',
    '-y',
    source,
  ]);
  console.log('done');
  const probe = new VideoAdapter();
  const facts = videoFactsFromInfo(await probe.probe(source, 'mov'), 0);
  const plan = planVideoRendition(facts, 'INSTAGRAM_STORY', {
    fit: 'pad',
    trim: true,
  });
  if (plan.kind !== 'transcode') {
    throw new Error(`expected a transcode plan, got: ${plan.reason}`);
  }
  console.log(`INSTAGRAM_STORY plan: ${plan.changes.join(', ')}`);
  const outputArguments = plan.outputArguments();
  const transcoder = new VideoTranscoder();
  const ours = join(dir, 'ours.mp4');
  const raw = join(dir, 'raw.mp4');
  // The same command line the transcoder builds, minus its progress output, run bare.
  const rawArgs = ffmpegTranscodeArguments({
    inputPath: source,
    demuxer: 'mov',
    outputArguments,
    outputPath: raw,
  }).filter(
    (arg, index, all) =>
      !['-progress', 'pipe:1', '-stats_period'].includes(arg) &&
      all[index - 1] !== '-stats_period',
  );
  const times = { ours: [] as number[], raw: [] as number[] };
  let progressReports = 0;
  for (let round = 0; round < ROUNDS; round += 1) {
    times.raw.push(await timed(() => rawFfmpeg(rawArgs)));
    times.ours.push(
      await timed(() =>
        transcoder.transcode({
          inputPath: source,
          demuxer: 'mov',
          outputArguments,
          outputPath: ours,
          durationSeconds: plan.output.durationSeconds,
          timeoutMs: 1_800_000,
          onProgress: () => (progressReports += 1),
        }),
      ),
    );
    console.log(
      `  round ${round + 1}: raw ${(times.raw[round] / 1000).toFixed(1)} s, transcoder ${(times.ours[round] / 1000).toFixed(1)} s`,
    );
  }
  const made = await probe.probe(ours, 'mp4');
  const verdict = evaluateMedia(videoFactsFromInfo(made, 0), 'INSTAGRAM_STORY');
  const rawMs = median(times.raw);
  const oursMs = median(times.ours);
  console.log(
    `Video 60 s 1080p → INSTAGRAM_STORY ${made.width}×${made.height} pad (${availableParallelism()} cores):`,
  );
  console.log(
    `  raw ffmpeg ${(rawMs / 1000).toFixed(1)} s (${(60_000 / rawMs).toFixed(2)}× real time), transcoder ${(oursMs / 1000).toFixed(1)} s: ${(rawMs / oursMs).toFixed(3)}× raw speed; ${progressReports} progress reports; output valid: ${verdict.valid}`,
  );
}

async function benchImage(dir: string): Promise<void> {
  const source = join(dir, 'photo.jpg');
  await syntheticImage(7, 160)
    .resize(4000, 3000)
    .flatten()
    .jpeg({ quality: 92 })
    .toFile(source);
  const facts = {
    kind: 'image' as const,
    format: 'jpeg',
    sizeBytes: (await sharp(source).metadata()).size ?? null,
    width: 4000,
    height: 3000,
  };
  const adapter = new ImageRenditionAdapter();
  for (const platform of ['TIKTOK', 'BLUESKY'] as const) {
    const plan = planImageRendition(facts, platform, 'pad');
    if (plan.kind !== 'render') {
      throw new Error(`expected a render plan for ${platform}`);
    }
    const plain = () =>
      sharp(source, { autoOrient: true })
        .resize(plan.width, plan.height, { fit: 'contain' })
        .toColourspace('srgb')
        .jpeg({ ...baselineJpegOptions('4:2:0'), quality: 90 })
        .toFile(join(dir, `plain-${platform}.jpg`));
    const times = { ours: [] as number[], plain: [] as number[] };
    let size = 0;
    let searched = false;
    for (let round = 0; round < IMAGE_ROUNDS; round += 1) {
      times.plain.push(await timed(plain));
      times.ours.push(
        await timed(async () => {
          const rendered = await adapter.renderRendition(
            source,
            join(dir, `ours-${platform}.jpg`),
            plan,
          );
          size = rendered.sizeBytes;
          searched = rendered.qualitySearched;
        }),
      );
    }
    const plainMs = median(times.plain);
    const oursMs = median(times.ours);
    console.log(
      `Image 4000×3000 → ${platform} ${plan.width}×${plan.height} (${size.toLocaleString('en')} bytes): plain sharp ${plainMs.toFixed(0)} ms, adapter ${oursMs.toFixed(0)} ms (${(plainMs / oursMs).toFixed(2)}× plain speed)${searched ? `, quality searched for the ${plan.maxBytes!.toLocaleString('en')}-byte cap` : ''}`,
    );
  }
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-renditions-'));
  try {
    await benchImage(dir);
    await benchVideo(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
