import { Module } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import { ImageRenditionAdapter } from '../../infra/image/image-rendition.js';
import { StorageModule } from '../../infra/storage/storage.module.js';
import { VideoModule } from '../../infra/video/video.module.js';
import { MediaModule } from '../media/media.module.js';
import { RenditionMaker } from './rendition-maker.service.js';
import { RenditionsController } from './renditions.controller.js';
import { RenditionsService } from './renditions.service.js';

/**
 * Publish-ready renditions: the routes, and the maker (workers only) that turns an item a
 * platform refuses into a file it accepts. The rows belong to the media module.
 */
@Module({
  imports: [MediaModule, StorageModule, VideoModule],
  controllers: [RenditionsController],
  providers: [
    RenditionsService,
    RenditionMaker,
    {
      provide: ImageRenditionAdapter,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        new ImageRenditionAdapter({ maxPixels: config.image.maxPixels }),
    },
  ],
})
export class RenditionsModule {}
