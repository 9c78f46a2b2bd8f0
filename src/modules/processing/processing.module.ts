import { Module } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import { ImageAdapter } from '../../infra/image/image.adapter.js';
import { StorageModule } from '../../infra/storage/storage.module.js';
import { VideoAdapter } from '../../infra/video/video.adapter.js';
import { MediaModule } from '../media/media.module.js';
import { MediaProcessingService } from './media-processing.service.js';
import { ProcessingWorker } from './processing.worker.js';

/** The image/video pipeline; imported only by processes that run workers. */
@Module({
  imports: [MediaModule, StorageModule],
  providers: [
    ImageAdapter,
    {
      provide: VideoAdapter,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        new VideoAdapter({ ffprobePath: config.ffprobePath }),
    },
    MediaProcessingService,
    ProcessingWorker,
  ],
})
export class ProcessingModule {}
