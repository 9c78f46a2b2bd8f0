import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FetchModule } from '../../infra/fetch/fetch.module.js';
import { StorageModule } from '../../infra/storage/storage.module.js';
import { MediaModule } from '../media/media.module.js';
import { DriveBatchService } from './drive-batch.service.js';
import { ImportController } from './import.controller.js';
import { ImportJob } from './import-job.entity.js';
import { ImportJobRepository } from './import-job.repository.js';
import { ImportJobsService } from './import-jobs.service.js';
import { ImportJobs } from './import.jobs.js';
import { ImportTokens } from './import-tokens.js';
import { RemoteIngestService } from './remote-ingest.service.js';
import { SourceDownload } from './source-download.js';
import { UrlUploadService } from './url-upload.service.js';

/**
 * Server-side ingestion, one service per use case: URL upload (synchronous), import jobs
 * (import-from-url, import-from-drive) and the synchronous Drive batch, all downloading through
 * SourceDownload into the media library's ingest step.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([ImportJob]),
    MediaModule,
    StorageModule,
    FetchModule,
  ],
  controllers: [ImportController],
  providers: [
    UrlUploadService,
    ImportJobsService,
    DriveBatchService,
    ImportJobRepository,
    ImportJobs,
    ImportTokens,
    RemoteIngestService,
    SourceDownload,
  ],
  exports: [ImportJobRepository],
})
export class ImportModule {}
