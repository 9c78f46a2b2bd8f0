import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  LessThan,
  MoreThanOrEqual,
  Repository,
  type FindOptionsWhere,
} from 'typeorm';
import { ApiError } from '../../common/errors/api-error.js';
import { isId } from '../../common/ids.js';
import { Storage } from '../../infra/storage/storage.port.js';
import { decodeMediaCursor, encodeMediaCursor } from './media-cursor.js';
import type { MediaStatusFilter } from './media.dto.js';
import { Media, type MediaStatus } from './media.entity.js';

export interface MediaPage {
  items: Media[];
  hasMore: boolean;
  nextCursor: string | null;
}

/** The media library: every read and write is scoped by the caller's workspace. */
@Injectable()
export class MediaService {
  constructor(
    @InjectRepository(Media) private readonly media: Repository<Media>,
    private readonly storage: Storage,
  ) {}

  async save(media: Media): Promise<Media> {
    return this.media.save(media);
  }

  async saveAll(items: Media[]): Promise<Media[]> {
    return this.media.manager.transaction((manager) => manager.save(items));
  }

  build(fields: Partial<Media>): Media {
    return this.media.create(fields);
  }

  /** The item, or 404 `not_found` when it does not exist in this workspace. */
  async get(workspaceId: string, id: string): Promise<Media> {
    const media = isId('media', id)
      ? await this.media.findOneBy({ id, workspaceId })
      : null;
    if (!media) {
      throw ApiError.notFound('media item', id);
    }
    return media;
  }

  async list(
    workspaceId: string,
    {
      limit = 20,
      cursor,
      status = 'all',
    }: { limit?: number; cursor?: string; status?: MediaStatusFilter },
  ): Promise<MediaPage> {
    const where: FindOptionsWhere<Media> = { workspaceId };
    if (status !== 'all') {
      where.status = status.toUpperCase() as MediaStatus;
    }
    if (cursor !== undefined) {
      where.seq = LessThan(decodeMediaCursor(cursor));
    }
    const rows = await this.media.find({
      where,
      order: { seq: 'DESC' },
      take: limit + 1,
    });
    const items = rows.slice(0, limit);
    const hasMore = rows.length > limit;
    return {
      items,
      hasMore,
      nextCursor: hasMore
        ? encodeMediaCursor(items[items.length - 1].seq)
        : null,
    };
  }

  /** For workers acting on a job's media id; HTTP paths use `get`, which is workspace-scoped. */
  async findById(id: string): Promise<Media | null> {
    return this.media.findOneBy({ id });
  }

  /**
   * Storage-side lookups for upload receipt (storage events, the local upload handler). Keys embed
   * the workspace id, so the match is tenant-exact without a workspace parameter.
   */
  async findByStoragePath(storagePath: string): Promise<Media | null> {
    return this.media.findOneBy({ storagePath });
  }

  /** PENDING direct uploads whose URL expires (or expired) after `from`, or before `to`. */
  async findPendingUploads(
    range: { from: Date } | { to: Date },
    limit: number,
  ): Promise<Media[]> {
    return this.media.find({
      where: {
        status: 'PENDING',
        uploadExpiresAt:
          'from' in range ? MoreThanOrEqual(range.from) : LessThan(range.to),
      },
      order: { uploadExpiresAt: 'DESC' },
      take: limit,
    });
  }

  /** PROCESSING items untouched since `before`: their job may have been lost. */
  async findStaleProcessing(before: Date, limit: number): Promise<Media[]> {
    return this.media.find({
      where: { status: 'PROCESSING', updatedAt: LessThan(before) },
      order: { updatedAt: 'ASC' },
      take: limit,
    });
  }

  /** Removes the stored object first, so a failure leaves the record for a retry rather than an orphan. */
  async delete(workspaceId: string, id: string): Promise<void> {
    const media = await this.get(workspaceId, id);
    if (media.storagePath) {
      await this.storage.delete(media.storagePath);
    }
    await this.media.delete({ id: media.id, workspaceId });
  }
}
