import { Module } from '@nestjs/common';
import { ImportModule } from '../import/import.module.js';
import { MediaModule } from '../media/media.module.js';
import { RetentionService } from './retention.service.js';

/** The periodic deletion of history older than RETENTION_DAYS. */
@Module({
  imports: [MediaModule, ImportModule],
  providers: [RetentionService],
})
export class RetentionModule {}
