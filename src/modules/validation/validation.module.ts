import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../../config/app-config.js';
import { StorageModule } from '../../infra/storage/storage.module.js';
import { VideoAdapter } from '../../infra/video/video.adapter.js';
import { Media } from '../media/media.entity.js';
import { MediaModule } from '../media/media.module.js';
import { ValidationAvailability } from './validation-availability.js';
import { ValidationController } from './validation.controller.js';
import { ValidationService } from './validation.service.js';
import { ValidationWorker } from './validation.worker.js';

/** Platform validation: endpoints, the job consumer (workers only) and the rules evaluator. */
@Module({
  imports: [TypeOrmModule.forFeature([Media]), MediaModule, StorageModule],
  controllers: [ValidationController],
  providers: [
    {
      provide: VideoAdapter,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        new VideoAdapter({ ffprobePath: config.ffprobePath }),
    },
    ValidationAvailability,
    ValidationService,
    ValidationWorker,
  ],
})
export class ValidationModule {}
