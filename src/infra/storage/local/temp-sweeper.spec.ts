import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TempSweeper } from './temp-sweeper.js';

const HOUR_MS = 60 * 60 * 1000;

describe('TempSweeper', () => {
  let tempDir: string;
  let partsDir: string;
  let sweeper: TempSweeper;
  const old = new Date(Date.now() - 3 * HOUR_MS);

  beforeEach(async () => {
    tempDir = await mkdtemp(join(tmpdir(), 'temp-sweeper-spec-'));
    partsDir = join(tempDir, 'multipart');
    sweeper = new TempSweeper(tempDir, partsDir);
  });
  afterEach(() => rm(tempDir, { recursive: true, force: true }));

  async function writeAged(path: string, mtime: Date): Promise<void> {
    await writeFile(path, 'bytes');
    await utimes(path, mtime, mtime);
  }

  it('removes staged files not written to for the given age, and keeps newer ones', async () => {
    await writeAged(join(tempDir, 'stale'), old);
    await writeAged(join(tempDir, 'fresh'), new Date());
    expect(await sweeper.sweep(HOUR_MS)).toBe(1);
    expect(existsSync(join(tempDir, 'stale'))).toBe(false);
    expect(existsSync(join(tempDir, 'fresh'))).toBe(true);
  });

  it('judges an upload by its newest part and its directory, and removes its parts together', async () => {
    const live = join(partsDir, 'live');
    const abandoned = join(partsDir, 'abandoned');
    const resigned = join(partsDir, 'resigned');
    for (const dir of [live, abandoned, resigned])
      await mkdir(dir, { recursive: true });
    await writeAged(join(live, '1'), old);
    await writeAged(join(live, '2'), new Date());
    await writeAged(join(abandoned, '1'), old);
    await writeAged(join(resigned, '1'), old);
    await utimes(abandoned, old, old);
    expect(await sweeper.sweep(HOUR_MS)).toBe(1);
    expect(existsSync(abandoned)).toBe(false);
    expect(existsSync(join(live, '1'))).toBe(true);
    expect(existsSync(join(resigned, '1'))).toBe(true);
  });

  it('finds nothing to do before anything was staged', async () => {
    const sweeperOfNothing = new TempSweeper(
      join(tempDir, 'never-created'),
      join(tempDir, 'never-created', 'multipart'),
    );
    expect(await sweeperOfNothing.sweep(0)).toBe(0);
  });
});
