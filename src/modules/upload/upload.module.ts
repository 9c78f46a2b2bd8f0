import { Module } from '@nestjs/common';
import { StorageModule } from '../../infra/storage/storage.module.js';
import { MediaModule } from '../media/media.module.js';
import { LocalStorageController } from './local-storage.controller.js';
import { StorageEventsController } from './storage-events.controller.js';
import { StorageEventsGuard } from './storage-events.guard.js';
import { StorageTempSweeper } from './storage-temp-sweeper.js';
import { UploadReceiptService } from './upload-receipt.service.js';
import { UploadController } from './upload.controller.js';
import { UploadService } from './upload.service.js';

/** Direct uploads: issuing URLs, receiving the bytes (local driver, storage events, reconciler). */
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
    StorageTempSweeper,
  ],
})
export class UploadModule {}
