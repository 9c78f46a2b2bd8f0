import { Module } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import { VideoAdapter } from './video.adapter.js';

/** One ffprobe adapter for every module that probes videos (processing, validation). */
@Module({
  providers: [
    {
      provide: VideoAdapter,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        new VideoAdapter({ ffprobePath: config.ffprobePath }),
    },
  ],
  exports: [VideoAdapter],
})
export class VideoModule {}
