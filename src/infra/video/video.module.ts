import { Module } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import { VideoPosterAdapter } from './video-poster.adapter.js';
import { VideoTranscoder } from './video-transcoder.js';
import { VideoAdapter } from './video.adapter.js';
import { VideoToolsReport } from './video-tools.report.js';

/**
 * The ffprobe and ffmpeg adapters for every module that reads or encodes videos (processing,
 * validation, renditions), and the boot log line naming them.
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
    {
      provide: VideoTranscoder,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        new VideoTranscoder({ ffmpegPath: config.ffmpegPath }),
    },
    VideoToolsReport,
  ],
  exports: [VideoAdapter, VideoPosterAdapter, VideoTranscoder],
})
export class VideoModule {}
