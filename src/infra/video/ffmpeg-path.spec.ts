import { access, constants } from 'node:fs/promises';
import { bundledFfmpegPath, resolveFfmpegPath } from './ffmpeg-path.js';
import { commandRuns } from './ffprobe-path.js';
import { VideoPosterError } from './video-poster.error.js';

describe('resolveFfmpegPath', () => {
  const runs = (...commands: string[]) =>
    vi.fn(async (command: string) => commands.includes(command));

  it('uses the configured path without looking further', async () => {
    const canRun = runs('ffmpeg');
    const bundledPath = vi.fn(() => '/npm/ffmpeg');

    await expect(
      resolveFfmpegPath({
        configuredPath: '/opt/ffmpeg/bin/ffmpeg',
        canRun,
        bundledPath,
      }),
    ).resolves.toBe('/opt/ffmpeg/bin/ffmpeg');
    expect(canRun).not.toHaveBeenCalled();
    expect(bundledPath).not.toHaveBeenCalled();
  });

  it('prefers ffmpeg on PATH over the bundled binary', async () => {
    await expect(
      resolveFfmpegPath({
        canRun: runs('ffmpeg'),
        bundledPath: () => '/npm/ffmpeg',
      }),
    ).resolves.toBe('ffmpeg');
  });

  it('falls back to the bundled binary when PATH has none', async () => {
    await expect(
      resolveFfmpegPath({ canRun: runs(), bundledPath: () => '/npm/ffmpeg' }),
    ).resolves.toBe('/npm/ffmpeg');
  });

  it('fails with ffmpeg_unavailable when there is none at all', async () => {
    const attempt = resolveFfmpegPath({
      canRun: runs(),
      bundledPath: () => null,
    });
    await expect(attempt).rejects.toBeInstanceOf(VideoPosterError);
    await expect(attempt).rejects.toMatchObject({
      failure: 'ffmpeg_unavailable',
    });
  });
});

describe('bundledFfmpegPath', () => {
  it('finds a working executable installed by @ffmpeg-installer/ffmpeg', async () => {
    const path = bundledFfmpegPath();
    expect(path).toMatch(/@ffmpeg-installer\/.+\/ffmpeg$/);
    await expect(
      access(path as string, constants.X_OK),
    ).resolves.toBeUndefined();
    expect(await commandRuns(path as string)).toBe(true);
  });
});
