import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StorageModule } from '../../infra/storage/storage.module.js';
import { VideoModule } from '../../infra/video/video.module.js';
import { Media } from '../media/media.entity.js';
import { MediaModule } from '../media/media.module.js';
import { ValidationAvailability } from './validation-availability.js';
import { ValidationController } from './validation.controller.js';
import { ValidationService } from './validation.service.js';
import { ValidationWorker } from './validation.worker.js';

/** Platform validation: endpoints, the job consumer (workers only) and the rules evaluator. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Media]),
    MediaModule,
    StorageModule,
    VideoModule,
  ],
  controllers: [ValidationController],
  providers: [ValidationAvailability, ValidationService, ValidationWorker],
})
export class ValidationModule {}
