import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StorageModule } from '../../infra/storage/storage.module.js';
import { MediaEvent } from './media-event.entity.js';
import { MediaLifecycleService } from './media-lifecycle.service.js';
import { MediaController } from './media.controller.js';
import { Media } from './media.entity.js';
import { MediaService } from './media.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Media, MediaEvent]), StorageModule],
  controllers: [MediaController],
  providers: [MediaService, MediaLifecycleService],
  exports: [MediaService, MediaLifecycleService],
})
export class MediaModule {}
