import { Module } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import { ImageAdapter } from '../../infra/image/image.adapter.js';
import { StorageModule } from '../../infra/storage/storage.module.js';
import { VideoModule } from '../../infra/video/video.module.js';
import { MediaModule } from '../media/media.module.js';
import { ValidationModule } from '../validation/validation.module.js';
import { MediaProcessingService } from './media-processing.service.js';
import { ProcessingRecovery } from './processing-recovery.service.js';

/** The image/video pipeline; its job and recovery run only where JobRunner runs workers. */
@Module({
  imports: [MediaModule, ValidationModule, StorageModule, VideoModule],
  providers: [
    {
      provide: ImageAdapter,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        new ImageAdapter({ maxPixels: config.image.maxPixels }),
    },
    MediaProcessingService,
    ProcessingRecovery,
  ],
})
export class ProcessingModule {}
