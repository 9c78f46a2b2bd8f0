/**
 * Throughput of ImageAdapter.normaliseImageFile against plain sharp doing the same conversion
 * (flatten onto white, baseline JPEG, same encoder options, file to file), over a fixed corpus of
 * full-HD images built in a temporary directory. Run with `npm run bench:images`. Not a test: it
 * prints numbers for a human to compare between changes and machines.
 *
 * The two differ by design on baseline JPEGs: the adapter keeps them (decode once to verify, splice
 * JFIF) while plain sharp re-encodes everything, so that row shows what skipping the re-encode saves.
 * The other rows show the adapter's overhead (magic bytes, metadata, the JFIF stream).
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import sharp, { type Sharp } from 'sharp';
import { ImageAdapter } from '../src/infra/image/image.adapter.js';
import { baselineJpegOptions } from '../src/infra/image/image-normalisation.js';
import { SYNTHETIC_SIZE, syntheticImage } from './support.js';

const IMAGES_PER_KIND = 10;
const TIMED_ROUNDS = 3;

interface CorpusKind {
  name: string;
  extension: string;
  /** Chroma subsampling of the source, as the adapter would read it from the metadata. */
  sourceChroma?: string;
  encode: (image: Sharp) => Sharp;
}

const KINDS: CorpusKind[] = [
  {
    name: 'PNG with alpha',
    extension: 'png',
    encode: (image) => image.png({ compressionLevel: 6 }),
  },
  {
    name: 'WebP (lossy)',
    extension: 'webp',
    encode: (image) => image.webp({ quality: 80 }),
  },
  {
    name: 'JPEG progressive',
    extension: 'jpg',
    sourceChroma: '4:2:0',
    encode: (image) => image.flatten().jpeg({ quality: 85, progressive: true }),
  },
  {
    name: 'JPEG baseline',
    extension: 'jpg',
    sourceChroma: '4:2:0',
    encode: (image) => image.flatten().jpeg({ quality: 85 }),
  },
];

interface CorpusImage {
  kind: CorpusKind;
  path: string;
}

async function buildCorpus(directory: string): Promise<CorpusImage[]> {
  const corpus: CorpusImage[] = [];
  for (const [kindIndex, kind] of KINDS.entries()) {
    for (let index = 0; index < IMAGES_PER_KIND; index += 1) {
      const seed = kindIndex * IMAGES_PER_KIND + index + 1;
      const path = join(directory, `${seed}.${kind.extension}`);
      await kind.encode(syntheticImage(seed, 32)).toFile(path);
      corpus.push({ kind, path });
    }
  }
  return corpus;
}

type Normaliser = (image: CorpusImage, outputPath: string) => Promise<unknown>;

function adapterNormaliser(): Normaliser {
  const adapter = new ImageAdapter();
  return (image, outputPath) =>
    adapter.normaliseImageFile(image.path, outputPath);
}

const plainSharp: Normaliser = (image, outputPath) =>
  sharp(image.path, { autoOrient: true })
    .flatten({ background: { r: 255, g: 255, b: 255 } })
    .jpeg(baselineJpegOptions(image.kind.sourceChroma))
    .toFile(outputPath);

/** Seconds spent per kind for one pass over the corpus, images processed one after another. */
async function timePass(
  normalise: Normaliser,
  corpus: CorpusImage[],
  outputDirectory: string,
): Promise<Map<CorpusKind, number>> {
  const seconds = new Map<CorpusKind, number>();
  for (const [index, image] of corpus.entries()) {
    const outputPath = join(outputDirectory, `${index}.jpg`);
    const started = performance.now();
    await normalise(image, outputPath);
    const elapsed = (performance.now() - started) / 1000;
    seconds.set(image.kind, (seconds.get(image.kind) ?? 0) + elapsed);
  }
  return seconds;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function main(): Promise<void> {
  const directory = await mkdtemp(join(tmpdir(), 'bench-normalise-'));
  const outputDirectory = join(directory, 'out');
  await mkdir(outputDirectory);
  try {
    const buildStarted = performance.now();
    const corpus = await buildCorpus(directory);
    console.log(
      `corpus: ${corpus.length} images of ${SYNTHETIC_SIZE} built in ${((performance.now() - buildStarted) / 1000).toFixed(1)} s; ` +
        `sharp ${sharp.versions.sharp}, libvips ${sharp.versions.vips}, ${availableParallelism()} CPUs`,
    );

    const ours = adapterNormaliser();
    console.log(
      `libvips threads per image: ${sharp.concurrency()}, one image at a time`,
    );
    await timePass(ours, corpus, outputDirectory);
    await timePass(plainSharp, corpus, outputDirectory);

    const oursRounds: Array<Map<CorpusKind, number>> = [];
    const plainRounds: Array<Map<CorpusKind, number>> = [];
    for (let round = 0; round < TIMED_ROUNDS; round += 1) {
      oursRounds.push(await timePass(ours, corpus, outputDirectory));
      plainRounds.push(await timePass(plainSharp, corpus, outputDirectory));
    }

    const rows = [...KINDS, null].map((kind) => {
      const secondsOf = (rounds: Array<Map<CorpusKind, number>>) =>
        median(
          rounds.map((round) =>
            kind === null
              ? [...round.values()].reduce((sum, value) => sum + value, 0)
              : (round.get(kind) ?? 0),
          ),
        );
      const count = kind === null ? corpus.length : IMAGES_PER_KIND;
      const oursRate = count / secondsOf(oursRounds);
      const plainRate = count / secondsOf(plainRounds);
      return {
        kind: kind?.name ?? 'all',
        images: count,
        'ours img/s': oursRate.toFixed(1),
        'sharp img/s': plainRate.toFixed(1),
        'ours/sharp': (oursRate / plainRate).toFixed(2),
      };
    });
    console.log(
      `median of ${TIMED_ROUNDS} timed passes after one warm-up pass each`,
    );
    console.table(rows);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

await main();
