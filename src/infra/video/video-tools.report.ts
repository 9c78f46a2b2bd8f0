import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { VideoPosterAdapter } from './video-poster.adapter.js';
import { VideoAdapter } from './video.adapter.js';
import {
  VIDEO_TOOL_LIMITS,
  bundledVideoToolPath,
  describeVideoTool,
  versionBanner,
  type VideoToolInvocation,
} from './video-tools.js';

/**
 * Says once at boot, in every role, which ffprobe and ffmpeg this process runs and how they are
 * limited, and warns when one is the static build from npm or runs unlimited. A missing tool is
 * a warning too, not a boot failure: the items that need it fail or wait, the rest of the service
 * works.
 */
@Injectable()
export class VideoToolsReport implements OnApplicationBootstrap {
  private readonly logger = new Logger('VideoTools');

  constructor(
    private readonly videos: VideoAdapter,
    private readonly posters: VideoPosterAdapter,
  ) {}

  /**
   * Not awaited: running both tools takes a moment, and a process must not sit in bootstrap (where
   * its workers already take jobs but SIGTERM is not yet handled) for a log line.
   */
  onApplicationBootstrap(): void {
    void Promise.all([
      this.report(() => this.videos.tool()),
      this.report(() => this.posters.tool()),
    ]).catch((error: unknown) =>
      this.logger.warn(`Could not report the video tools: ${String(error)}`),
    );
  }

  private async report(tool: () => Promise<VideoToolInvocation>) {
    let invocation: VideoToolInvocation;
    try {
      invocation = await tool();
    } catch (error) {
      this.logger.warn(String((error as Error).message));
      return;
    }
    const { warn, message } = describeVideoTool(
      invocation,
      await versionBanner(invocation.command),
      bundledVideoToolPath(invocation.tool),
      VIDEO_TOOL_LIMITS,
    );
    if (warn) {
      this.logger.warn(message);
    } else {
      this.logger.log(message);
    }
  }
}
