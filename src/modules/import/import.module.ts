import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FetchModule } from '../../infra/fetch/fetch.module.js';
import { StorageModule } from '../../infra/storage/storage.module.js';
import { MediaModule } from '../media/media.module.js';
import { ImportController } from './import.controller.js';
import { ImportJob } from './import-job.entity.js';
import { ImportTokens } from './import-tokens.js';
import { ImportService } from './import.service.js';
import { ImportWorker } from './import.worker.js';
import { RemoteIngestService } from './remote-ingest.service.js';

/** URL upload and imports (public URL, bearer-token URL, Google Drive). */
@Module({
  imports: [
    TypeOrmModule.forFeature([ImportJob]),
    MediaModule,
    StorageModule,
    FetchModule,
  ],
  controllers: [ImportController],
  providers: [ImportService, ImportTokens, RemoteIngestService, ImportWorker],
})
export class ImportModule {}
