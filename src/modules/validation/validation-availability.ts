import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import { VideoAdapter } from '../../infra/video/video.adapter.js';

/** What validate requests answer, with `queued: false`, when validation is not available here. */
export const VALIDATION_NOT_CONFIGURED = 'validation queue not configured';

/**
 * Whether this deployment validates: VALIDATION_ENABLED, and an ffprobe this process can start
 * (checked once at boot; in the `api` role that is the API host's, the best it can know of its
 * workers). Without it requests are answered `queued: false` rather than queued for nobody.
 */
@Injectable()
export class ValidationAvailability implements OnModuleInit {
  private readonly logger = new Logger(ValidationAvailability.name);
  private ready = false;

  constructor(
    private readonly config: AppConfig,
    private readonly videos: VideoAdapter,
  ) {}

  async onModuleInit(): Promise<void> {
    if (!this.config.validation.enabled) {
      return;
    }
    this.ready = await this.videos.isAvailable();
    if (!this.ready) {
      this.logger.warn(
        'No ffprobe could be started: platform validation is off (validate answers queued: false)',
      );
    }
  }

  get available(): boolean {
    return this.ready;
  }
}
