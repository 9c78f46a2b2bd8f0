import { access, constants } from 'node:fs/promises';
import {
  bundledFfprobePath,
  commandRuns,
  resolveFfprobePath,
} from './ffprobe-path.js';
import { VideoProbeError } from './video-probe.error.js';

describe('resolveFfprobePath', () => {
  const runs = (...commands: string[]) =>
    vi.fn(async (command: string) => commands.includes(command));

  it('uses the configured path without looking further', async () => {
    const canRun = runs('ffprobe');
    const bundledPath = vi.fn(() => '/npm/ffprobe');

    await expect(
      resolveFfprobePath({
        configuredPath: '/opt/ffmpeg/bin/ffprobe',
        canRun,
        bundledPath,
      }),
    ).resolves.toBe('/opt/ffmpeg/bin/ffprobe');
    expect(canRun).not.toHaveBeenCalled();
    expect(bundledPath).not.toHaveBeenCalled();
  });

  it('prefers ffprobe on PATH over the bundled binary', async () => {
    await expect(
      resolveFfprobePath({
        canRun: runs('ffprobe'),
        bundledPath: () => '/npm/ffprobe',
      }),
    ).resolves.toBe('ffprobe');
  });

  it('treats an empty configured path as not configured', async () => {
    await expect(
      resolveFfprobePath({
        configuredPath: '',
        canRun: runs('ffprobe'),
        bundledPath: () => null,
      }),
    ).resolves.toBe('ffprobe');
  });

  it('falls back to the bundled binary when PATH has none', async () => {
    await expect(
      resolveFfprobePath({ canRun: runs(), bundledPath: () => '/npm/ffprobe' }),
    ).resolves.toBe('/npm/ffprobe');
  });

  it('fails with ffprobe_unavailable when there is none at all', async () => {
    const attempt = resolveFfprobePath({
      canRun: runs(),
      bundledPath: () => null,
    });
    await expect(attempt).rejects.toBeInstanceOf(VideoProbeError);
    await expect(attempt).rejects.toMatchObject({
      failure: 'ffprobe_unavailable',
    });
  });
});

describe('commandRuns', () => {
  it('is true for a working ffprobe and false for a missing binary', async () => {
    expect(await commandRuns(bundledFfprobePath() as string)).toBe(true);
    expect(await commandRuns('/nonexistent/ffprobe')).toBe(false);
  });
});

describe('bundledFfprobePath', () => {
  it('finds the executable installed by @ffprobe-installer/ffprobe', async () => {
    const path = bundledFfprobePath();
    expect(path).toMatch(/@ffprobe-installer\/.+\/ffprobe$/);
    await expect(
      access(path as string, constants.X_OK),
    ).resolves.toBeUndefined();
  });
});
