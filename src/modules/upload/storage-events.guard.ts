import {
  Injectable,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import type { Request } from 'express';
import { ApiError } from '../../common/errors/api-error.js';
import { AppConfig } from '../../config/app-config.js';
import { sameSecret } from '../../lib/same-secret.js';

export const STORAGE_EVENTS_SECRET_HEADER = 'x-storage-events-secret';

/** The storage-events endpoint is for the storage system only: a shared secret in a header. */
@Injectable()
export class StorageEventsGuard implements CanActivate {
  constructor(private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const expected = this.config.storage.eventsSecret;
    if (!expected) {
      throw new ApiError(
        'forbidden',
        'Storage events are not enabled: set STORAGE_EVENTS_SECRET',
      );
    }
    const given = context
      .switchToHttp()
      .getRequest<Request>()
      .header(STORAGE_EVENTS_SECRET_HEADER);
    if (!given || !sameSecret(given, expected)) {
      throw new ApiError(
        'unauthorized',
        `Missing or wrong ${STORAGE_EVENTS_SECRET_HEADER} header`,
      );
    }
    return true;
  }
}
