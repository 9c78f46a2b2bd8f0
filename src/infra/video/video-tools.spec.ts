import { access, constants } from 'node:fs/promises';
import {
  bundledVideoToolPath,
  commandRuns,
  missingVideoToolMessage,
  resolveVideoTool,
  type VideoTool,
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
      ).resolves.toBe(`/opt/ffmpeg/bin/${tool}`);
      expect(canRun).not.toHaveBeenCalled();
      expect(bundledPath).not.toHaveBeenCalled();
    });

    it('prefers the tool on PATH over the bundled binary', async () => {
      await expect(
        resolveVideoTool(tool, {
          canRun: runs(tool),
          bundledPath: () => `/npm/${tool}`,
        }),
      ).resolves.toBe(tool);
    });

    it('treats an empty configured path as not configured', async () => {
      await expect(
        resolveVideoTool(tool, {
          configuredPath: '',
          canRun: runs(tool),
          bundledPath: () => null,
        }),
      ).resolves.toBe(tool);
    });

    it('falls back to the bundled binary of this tool when PATH has none', async () => {
      const bundledPath = vi.fn((which: VideoTool) => `/npm/${which}`);
      await expect(
        resolveVideoTool(tool, { canRun: runs(), bundledPath }),
      ).resolves.toBe(`/npm/${tool}`);
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
