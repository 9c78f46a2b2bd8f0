import { Injectable } from '@nestjs/common';
import { ApiError } from '../../common/errors/api-error.js';
import type { Media } from '../media/media.entity.js';
import { categoryOf } from '../media/media-types.js';
import { MediaService } from '../media/media.service.js';
import { RenditionRequests } from '../media/rendition-requests.service.js';
import type { MediaRendition } from '../media/rendition.entity.js';
import type { CreateRenditionsDto } from './renditions.dto.js';

/** The renditions routes (docs/contracts.md#renditions), scoped by the caller's workspace. */
@Injectable()
export class RenditionsService {
  constructor(
    private readonly media: MediaService,
    private readonly requests: RenditionRequests,
  ) {}

  /**
   * The item's renditions for the asked platforms, made once per (platform, fit, trim). 404 when
   * the item is not in the workspace; 409 when no rendition can be made of it.
   */
  async request(
    workspaceId: string,
    mediaId: string,
    body: CreateRenditionsDto,
  ): Promise<MediaRendition[]> {
    const media = await this.media.get(workspaceId, mediaId);
    const refusal = whyNoRenditions(media);
    if (refusal !== null) {
      throw new ApiError('conflict', refusal);
    }
    const fit = body.fit ?? 'pad';
    const trim = body.trim ?? true;
    return this.requests.request(
      media,
      body.platforms.map((platform) => ({ platform, fit, trim })),
    );
  }

  async list(workspaceId: string, mediaId: string): Promise<MediaRendition[]> {
    return (await this.media.getWithRenditions(workspaceId, mediaId))
      .renditions;
  }
}

/** Why no rendition can be made of the item, or null when one can. */
export function whyNoRenditions(media: Media): string | null {
  const category = categoryOf(media.contentType);
  if (category !== 'image' && category !== 'video') {
    return `Renditions are made of images and videos; media ${media.id} is a ${category ?? 'file'} (${media.contentType})`;
  }
  if (media.storagePath === null) {
    return `Media ${media.id} is registered external media, not stored here, so no rendition can be made of it; upload the file instead`;
  }
  if (media.status === 'FAILED') {
    const reasons = media.validationResults?.processing?.errors ?? [];
    const why = reasons.length > 0 ? ` (${reasons.join('; ')})` : '';
    return `Media ${media.id} failed processing${why}, so no rendition can be made of it`;
  }
  return null;
}
