import { Module } from '@nestjs/common';
import { FetchModule } from '../../infra/fetch/fetch.module.js';
import { RenderModule } from '../../infra/render/render.module.js';
import { StorageModule } from '../../infra/storage/storage.module.js';
import { MediaModule } from '../media/media.module.js';
import { TemplatesController } from './templates.controller.js';
import { TemplatesService } from './templates.service.js';

/** OG templates rendered into media items. */
@Module({
  imports: [MediaModule, StorageModule, FetchModule, RenderModule],
  controllers: [TemplatesController],
  providers: [TemplatesService],
})
export class TemplatesModule {}
