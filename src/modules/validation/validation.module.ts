import { Module } from '@nestjs/common';
import { StorageModule } from '../../infra/storage/storage.module.js';
import { VideoModule } from '../../infra/video/video.module.js';
import { MediaModule } from '../media/media.module.js';
import { ValidationAvailability } from './validation-availability.js';
import { PlatformsController } from './platforms.controller.js';
import { ValidationController } from './validation.controller.js';
import { ValidationJobs } from './validation.jobs.js';
import { ValidationService } from './validation.service.js';

/** Platform validation: endpoints, the job (workers only) and the rules evaluator. */
@Module({
  imports: [MediaModule, StorageModule, VideoModule],
  controllers: [ValidationController, PlatformsController],
  providers: [ValidationAvailability, ValidationService, ValidationJobs],
  exports: [ValidationJobs],
})
export class ValidationModule {}
