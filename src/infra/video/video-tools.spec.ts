import { execFile } from 'node:child_process';
import { access, constants } from 'node:fs/promises';
import { promisify } from 'node:util';
import {
  VIDEO_TOOL_LIMITS,
  bundledVideoToolPath,
  commandRuns,
  describeVideoTool,
  isLimiterExecFailure,
  limitedCommand,
  missingVideoToolMessage,
  resolveLimiter,
  resolveVideoTool,
  versionBanner,
  videoDemuxer,
  type VideoTool,
  type VideoToolInvocation,
} from './video-tools.js';

describe.each<VideoTool>(['ffprobe', 'ffmpeg'])(
  'resolveVideoTool(%s)',
  (tool) => {
    const runs = (...commands: string[]) =>
      vi.fn(async (command: string) => commands.includes(command));

    it('uses the configured path without looking further', async () => {
      const canRun = runs(tool);
      const bundledPath = vi.fn(() => `/npm/${tool}`);

      await expect(
        resolveVideoTool(tool, {
          configuredPath: `/opt/ffmpeg/bin/${tool}`,
          canRun,
          bundledPath,
        }),
      ).resolves.toEqual({
        command: `/opt/ffmpeg/bin/${tool}`,
        source: 'configured',
      });
      expect(canRun).not.toHaveBeenCalled();
      expect(bundledPath).not.toHaveBeenCalled();
    });

    it('prefers the tool on PATH over the bundled binary', async () => {
      await expect(
        resolveVideoTool(tool, {
          canRun: runs(tool),
          bundledPath: () => `/npm/${tool}`,
        }),
      ).resolves.toEqual({ command: tool, source: 'path' });
    });

    it('treats an empty configured path as not configured', async () => {
      await expect(
        resolveVideoTool(tool, {
          configuredPath: '',
          canRun: runs(tool),
          bundledPath: () => null,
        }),
      ).resolves.toEqual({ command: tool, source: 'path' });
    });

    it('falls back to the bundled binary of this tool when PATH has none', async () => {
      const bundledPath = vi.fn((which: VideoTool) => `/npm/${which}`);
      await expect(
        resolveVideoTool(tool, { canRun: runs(), bundledPath }),
      ).resolves.toEqual({ command: `/npm/${tool}`, source: 'bundled' });
      expect(bundledPath).toHaveBeenCalledWith(tool);
    });

    it('finds nothing when there is none at all, and says how to get one', async () => {
      await expect(
        resolveVideoTool(tool, { canRun: runs(), bundledPath: () => null }),
      ).resolves.toBeNull();
      expect(missingVideoToolMessage(tool)).toContain(
        `${tool.toUpperCase()}_PATH`,
      );
    });

    it('finds a working executable installed from npm', async () => {
      const path = bundledVideoToolPath(tool);
      expect(path).toMatch(new RegExp(`@${tool}-installer/.+/${tool}$`));
      await expect(
        access(path as string, constants.X_OK),
      ).resolves.toBeUndefined();
      expect(await commandRuns(path as string)).toBe(true);
    });
  },
);

describe('commandRuns', () => {
  it('is false for a missing binary', async () => {
    expect(await commandRuns('/nonexistent/ffprobe')).toBe(false);
  });
});

describe('videoDemuxer', () => {
  it.each([
    ['video/mp4', 'mp4'],
    ['video/quicktime', 'mov'],
    ['video/webm', 'webm'],
    ['video/x-msvideo', 'avi'],
  ])('reads %s only with the %s demuxer', (contentType, demuxer) => {
    expect(videoDemuxer(contentType)).toBe(demuxer);
  });

  it('has none for a type the service does not accept as video', () => {
    expect(() => videoDemuxer('video/x-matroska')).toThrow(
      'no demuxer is pinned for video/x-matroska',
    );
  });
});

describe('limitedCommand', () => {
  const limits = { addressSpaceBytes: 1_073_741_824, cpuSeconds: 30 };

  it('runs the tool through prlimit with the address-space and CPU limits', () => {
    expect(
      limitedCommand('ffmpeg', ['-i', '-file.mp4'], 'prlimit', limits),
    ).toEqual({
      file: 'prlimit',
      args: ['--as=1073741824', '--cpu=30', '--', 'ffmpeg', '-i', '-file.mp4'],
    });
  });

  it('runs the tool as it is where there is no prlimit', () => {
    expect(limitedCommand('ffprobe', ['-v', 'error'], null, limits)).toEqual({
      file: 'ffprobe',
      args: ['-v', 'error'],
    });
  });

  it('keeps to 2 GiB and 60 CPU seconds by default', () => {
    expect(VIDEO_TOOL_LIMITS).toEqual({
      addressSpaceBytes: 2 * 1024 ** 3,
      cpuSeconds: 60,
    });
  });

  it('finds prlimit on this machine, and it execs the tool under the limits', async () => {
    const prlimit = await resolveLimiter();
    expect(prlimit).toBe('prlimit');
    const run = limitedCommand('prlimit', [], prlimit, limits);
    const { stdout } = await promisify(execFile)(run.file, run.args);
    expect(stdout).toMatch(/^AS\s.*\s1073741824\s+1073741824\s/m);
    expect(stdout).toMatch(/^CPU\s.*\s30\s+30\s/m);
  });

  it("tells prlimit's own failure to start the tool from the tool's failure", async () => {
    const run = limitedCommand('/nonexistent/ffmpeg', [], 'prlimit', limits);
    const failure = await promisify(execFile)(run.file, run.args).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(isLimiterExecFailure(failure.code, failure.stderr)).toBe(true);
    expect(isLimiterExecFailure(1, 'Invalid data found')).toBe(false);
  });
});

describe('describeVideoTool (the boot log line)', () => {
  const invocation = (
    overrides: Partial<VideoToolInvocation>,
  ): VideoToolInvocation => ({
    tool: 'ffmpeg',
    command: 'ffmpeg',
    source: 'path',
    prlimit: 'prlimit',
    ...overrides,
  });

  it("names the system's binary, its version and the limits", () => {
    expect(
      describeVideoTool(
        invocation({}),
        'ffmpeg version 5.1.9-0+deb12u1 Copyright (c) 2000-2026 the FFmpeg developers',
        '/npm/ffmpeg',
        VIDEO_TOOL_LIMITS,
      ),
    ).toEqual({
      warn: false,
      message:
        'ffmpeg: ffmpeg (from PATH), version 5.1.9-0+deb12u1, limited to 2048 MiB of address space and 60 CPU seconds per run',
    });
  });

  it('warns loudly about the 2018 static build from npm, however it was chosen', async () => {
    const bundled = bundledVideoToolPath('ffmpeg')!;
    const banner = await versionBanner(bundled);
    for (const source of ['bundled', 'configured'] as const) {
      const { warn, message } = describeVideoTool(
        invocation({ command: bundled, source }),
        banner,
        bundled,
        VIDEO_TOOL_LIMITS,
      );
      expect(warn).toBe(true);
      expect(message).toContain(
        'WARNING: it is the static build bundled by @ffmpeg-installer/ffmpeg (from 2018), unmaintained',
      );
      expect(message).toContain('apt-get install ffmpeg');
    }
  });

  it('warns when there is no prlimit to limit the tool', () => {
    const { warn, message } = describeVideoTool(
      invocation({ prlimit: null }),
      null,
      null,
      VIDEO_TOOL_LIMITS,
    );
    expect(warn).toBe(true);
    expect(message).toBe(
      'ffmpeg: ffmpeg (from PATH), version unknown. WARNING: prlimit (util-linux) was not found, so it runs without memory and CPU limits',
    );
  });
});
