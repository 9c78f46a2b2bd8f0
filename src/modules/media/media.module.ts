import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StorageModule } from '../../infra/storage/storage.module.js';
import { MediaEvent } from './media-event.entity.js';
import { MediaEventRepository } from './media-event.repository.js';
import { MediaIngest } from './media-ingest.service.js';
import { MediaLifecycleService } from './media-lifecycle.service.js';
import { MediaController } from './media.controller.js';
import { Media } from './media.entity.js';
import { MediaRepository } from './media.repository.js';
import { MediaService } from './media.service.js';
import { ProcessingJobs } from './processing.jobs.js';

/**
 * The media library: items and their lifecycle events (the only owner of `media` and
 * `media_events`), the lifecycle transitions, and the ingest step server-side sources share.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Media, MediaEvent]), StorageModule],
  controllers: [MediaController],
  providers: [
    MediaRepository,
    MediaEventRepository,
    MediaService,
    MediaLifecycleService,
    MediaIngest,
    ProcessingJobs,
  ],
  exports: [
    MediaRepository,
    MediaEventRepository,
    MediaService,
    MediaLifecycleService,
    MediaIngest,
    ProcessingJobs,
  ],
})
export class MediaModule {}
