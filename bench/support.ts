import { readFile } from 'node:fs/promises';
import pg from 'pg';
import sharp, { type Sharp } from 'sharp';

/** User plus system CPU time of process `pid` so far, all threads, ms (/proc counts in ticks of 10 ms). */
export async function cpuMs(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // After the command name (which may hold spaces): state, then utime and stime as fields 12–13.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** The CPU time of all of `pids` so far, ms. */
export async function totalCpuMs(pids: number[]): Promise<number> {
  const times = await Promise.all(pids.map((pid) => cpuMs(pid)));
  return times.reduce((sum, time) => sum + time, 0);
}

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
