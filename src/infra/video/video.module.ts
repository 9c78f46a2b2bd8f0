import { Module } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import { VideoPosterAdapter } from './video-poster.adapter.js';
import { VideoAdapter } from './video.adapter.js';
import { VideoToolsReport } from './video-tools.report.js';

/**
 * The ffprobe and ffmpeg adapters for every module that reads videos (processing, validation), and
 * the boot log line naming them.
 */
@Module({
  providers: [
    {
      provide: VideoAdapter,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        new VideoAdapter({ ffprobePath: config.ffprobePath }),
    },
    {
      provide: VideoPosterAdapter,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        new VideoPosterAdapter({ ffmpegPath: config.ffmpegPath }),
    },
    VideoToolsReport,
  ],
  exports: [VideoAdapter, VideoPosterAdapter],
})
export class VideoModule {}
