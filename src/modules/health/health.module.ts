import { Module } from '@nestjs/common';
import { StorageModule } from '../../infra/storage/storage.module.js';
import { HealthController } from './health.controller.js';
import { HealthService } from './health.service.js';
import { WorkerProbeServer } from './worker-probe.server.js';

@Module({
  imports: [StorageModule],
  controllers: [HealthController],
  providers: [HealthService, WorkerProbeServer],
})
export class HealthModule {}
