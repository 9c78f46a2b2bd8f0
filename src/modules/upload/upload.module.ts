import { Module } from '@nestjs/common';
import { StorageModule } from '../../infra/storage/storage.module.js';
import { MediaModule } from '../media/media.module.js';
import { LocalStorageController } from './local-storage.controller.js';
import { StorageEventsController } from './storage-events.controller.js';
import { StorageEventsGuard } from './storage-events.guard.js';
import { StorageTempSweeperWorker } from './storage-temp-sweeper.worker.js';
import { UploadReceiptService } from './upload-receipt.service.js';
import { UploadReconcilerWorker } from './upload-reconciler.worker.js';
import { UploadController } from './upload.controller.js';
import { UploadService } from './upload.service.js';

@Module({
  imports: [MediaModule, StorageModule],
  controllers: [
    UploadController,
    StorageEventsController,
    LocalStorageController,
  ],
  providers: [
    UploadService,
    UploadReceiptService,
    StorageEventsGuard,
    UploadReconcilerWorker,
    StorageTempSweeperWorker,
  ],
})
export class UploadModule {}
