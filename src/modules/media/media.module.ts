import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StorageModule } from '../../infra/storage/storage.module.js';
import { MediaEventQueueEntry } from './media-event-queue.entity.js';
import { MediaEvent } from './media-event.entity.js';
import { MediaEventRepository } from './media-event.repository.js';
import { MediaIngest } from './media-ingest.service.js';
import { MediaLifecycleService } from './media-lifecycle.service.js';
import { MediaController } from './media.controller.js';
import { Media } from './media.entity.js';
import { MediaRepository } from './media.repository.js';
import { MediaService } from './media.service.js';
import { ProcessingJobs } from './processing.jobs.js';
import { RenditionRequests } from './rendition-requests.service.js';
import { MediaRendition } from './rendition.entity.js';
import { RenditionJobs } from './rendition.jobs.js';
import { MediaRenditionRepository } from './rendition.repository.js';

/**
 * The media library: items, their lifecycle events and their renditions (the only owner of
 * `media`, `media_events`, `media_event_queue` and `media_renditions`), the lifecycle transitions, and the ingest step
 * server-side sources share. Renditions are made by the renditions module.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      Media,
      MediaEvent,
      MediaEventQueueEntry,
      MediaRendition,
    ]),
    StorageModule,
  ],
  controllers: [MediaController],
  providers: [
    MediaRepository,
    MediaEventRepository,
    MediaRenditionRepository,
    MediaService,
    MediaLifecycleService,
    MediaIngest,
    ProcessingJobs,
    RenditionJobs,
    RenditionRequests,
  ],
  exports: [
    MediaRepository,
    MediaEventRepository,
    MediaRenditionRepository,
    MediaService,
    MediaLifecycleService,
    MediaIngest,
    ProcessingJobs,
    RenditionJobs,
    RenditionRequests,
  ],
})
export class MediaModule {}
