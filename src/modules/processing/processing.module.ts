import { Module } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import { ImageAdapter } from '../../infra/image/image.adapter.js';
import { StorageModule } from '../../infra/storage/storage.module.js';
import { VideoAdapter } from '../../infra/video/video.adapter.js';
import { MediaModule } from '../media/media.module.js';
import { MediaProcessingService } from './media-processing.service.js';
import { ProcessingRecovery } from './processing-recovery.service.js';
import { ProcessingWorker } from './processing.worker.js';

/** The image/video pipeline; its worker runs only where JobRunner runs workers. */
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
    ProcessingRecovery,
    ProcessingWorker,
  ],
})
export class ProcessingModule {}
