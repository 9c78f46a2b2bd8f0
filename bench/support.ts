import pg from 'pg';
import sharp, { type Sharp } from 'sharp';

/** A database of the benchmark's own on the local server, dropped afterwards. */
export async function dropBenchDatabase(database: string): Promise<void> {
  const admin = new pg.Client({
    connectionString: 'postgres://postgres@127.0.0.1:5432/postgres',
  });
  await admin.connect();
  try {
    await admin.query(
      `DROP DATABASE IF EXISTS ${admin.escapeIdentifier(database)} WITH (FORCE)`,
    );
  } finally {
    await admin.end();
  }
}

const SYNTHETIC_WIDTH = 1920;
const SYNTHETIC_HEIGHT = 1080;

/** The size of every synthetic image, for printing. */
export const SYNTHETIC_SIZE = `${SYNTHETIC_WIDTH}×${SYNTHETIC_HEIGHT}`;

/**
 * 1920×1080 RGBA gradients with seeded noise (`noiseLevels` values of it; more noise, more
 * entropy), identical on every run, as sharp input. Alpha fades out on the right.
 */
export function syntheticImage(seed: number, noiseLevels: number): Sharp {
  return sharp(syntheticPixels(seed, noiseLevels), {
    raw: { width: SYNTHETIC_WIDTH, height: SYNTHETIC_HEIGHT, channels: 4 },
  });
}

function syntheticPixels(seed: number, noiseLevels: number): Buffer {
  const width = SYNTHETIC_WIDTH;
  const height = SYNTHETIC_HEIGHT;
  const pixels = Buffer.alloc(width * height * 4);
  let state = seed;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      state = (state * 1664525 + 1013904223) >>> 0;
      const noise = (state >>> 24) % noiseLevels;
      const offset = (y * width + x) * 4;
      pixels[offset] = ((x * 255) / width + noise + seed * 17) & 0xff;
      pixels[offset + 1] = ((y * 255) / height + noise) & 0xff;
      pixels[offset + 2] =
        (((x + y) * 128) / (width + height) + noise * 2) & 0xff;
      pixels[offset + 3] = x > width * 0.75 ? 255 - (x * 255) / width : 255;
    }
  }
  return pixels;
}
