import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { newId } from '../../common/ids.js';
import {
  managerOf,
  type Transaction,
} from '../../infra/database/unit-of-work.js';
import {
  MediaRendition,
  type RenditionFit,
  type RenditionStatus,
} from './rendition.entity.js';

/** What a rendition is made to: one per item. */
export interface RenditionRecipe {
  platform: string;
  fit: RenditionFit;
  trim: boolean;
}

/** A finished rendition's fields. */
export type RenditionResult = Pick<
  MediaRendition,
  | 'storageKey'
  | 'url'
  | 'contentType'
  | 'sizeBytes'
  | 'width'
  | 'height'
  | 'videoDuration'
  | 'changes'
  | 'validation'
  | 'error'
> & { status: Extract<RenditionStatus, 'ready' | 'failed'> };

const UNFINISHED: RenditionStatus[] = ['queued', 'processing'];

/** The only code that reads or writes `media_renditions`. */
@Injectable()
export class MediaRenditionRepository {
  constructor(
    @InjectRepository(MediaRendition)
    private readonly renditions: Repository<MediaRendition>,
  ) {}

  /**
   * The item's renditions for `recipes`, creating the missing ones as `queued` in `tx`; `created`
   * lists the ids this call made. A recipe made at the same moment by another request is found,
   * not made twice (the unique index decides).
   */
  async findOrCreate(
    media: { id: string; workspaceId: string },
    recipes: RenditionRecipe[],
    tx: Transaction,
  ): Promise<{ renditions: MediaRendition[]; created: string[] }> {
    const manager = managerOf(this.renditions.manager.connection, tx);
    const fresh = recipes.map((recipe) => ({
      id: newId('rendition'),
      workspaceId: media.workspaceId,
      mediaId: media.id,
      ...recipe,
      status: 'queued' as const,
    }));
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(MediaRendition)
      .values(fresh as QueryDeepPartialEntity<MediaRendition>[])
      .orIgnore()
      .returning(['id'])
      .execute();
    const created = (inserted.raw as Array<{ id: string }>).map(
      (row) => row.id,
    );
    const all = await manager.find(MediaRendition, {
      where: { mediaId: media.id, workspaceId: media.workspaceId },
    });
    const renditions = recipes.map((recipe) =>
      all.find(
        (rendition) =>
          rendition.platform === recipe.platform &&
          rendition.fit === recipe.fit &&
          rendition.trim === recipe.trim,
      )!,
    );
    return { renditions, created };
  }

  /** The item's renditions, oldest first. */
  listForMedia(
    workspaceId: string,
    mediaId: string,
  ): Promise<MediaRendition[]> {
    return this.renditions.find({
      where: { workspaceId, mediaId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  /** The ready rendition stored at `key`, for serving it. */
  findReadyByKey(key: string): Promise<MediaRendition | null> {
    return this.renditions.findOneBy({ storageKey: key, status: 'ready' });
  }

  findById(id: string): Promise<MediaRendition | null> {
    return this.renditions.findOneBy({ id });
  }

  /** Ids of the item's renditions that wait to be made. */
  async waitingFor(mediaId: string): Promise<string[]> {
    const rows = await this.renditions.find({
      select: { id: true },
      where: { mediaId, status: In(UNFINISHED) },
    });
    return rows.map((row) => row.id);
  }

  /** `queued`/`processing` → `processing` at 0 %; null when the rendition is finished or gone. */
  async start(id: string): Promise<MediaRendition | null> {
    const [rows] = (await this.renditions.query(
      `UPDATE media_renditions SET status = 'processing', progress = 0, updated_at = now()
       WHERE id = $1 AND status IN ('queued', 'processing') RETURNING id`,
      [id],
    )) as [Array<{ id: string }>, number];
    return rows.length === 0 ? null : this.findById(id);
  }

  /**
   * Records progress (and that the worker is alive: the recovery pass leaves a rendition touched
   * recently alone). False when the rendition is no longer being made — its item was deleted —
   * so the worker stops.
   */
  async reportProgress(id: string, progress: number): Promise<boolean> {
    const [, updated] = (await this.renditions.query(
      `UPDATE media_renditions SET progress = $2, updated_at = now()
       WHERE id = $1 AND status = 'processing'`,
      [id, progress],
    )) as [unknown, number];
    return updated > 0;
  }

  /**
   * Finishes the rendition in `tx`, holding its item's row against a concurrent delete (FOR KEY
   * SHARE, which DELETE's lock excludes): either the delete sees the stored file and removes it, or
   * this finds the item gone. Null when the rendition is gone or already finished.
   */
  async finish(
    id: string,
    result: RenditionResult,
    tx: Transaction,
  ): Promise<MediaRendition | null> {
    const manager = managerOf(this.renditions.manager.connection, tx);
    const [held] = (await manager.query(
      `SELECT r.id FROM media_renditions r
       JOIN media m ON m.id = r.media_id
       WHERE r.id = $1 AND r.status IN ('queued', 'processing')
       FOR KEY SHARE OF m`,
      [id],
    )) as [Array<{ id: string }>] | [];
    if (held === undefined) {
      return null;
    }
    await manager.update(MediaRendition, { id }, {
      ...result,
      progress: 100,
    } as QueryDeepPartialEntity<MediaRendition>);
    return manager.findOneBy(MediaRendition, { id });
  }

  /** Storage keys of the item's made files, read in the unit of work that deletes the item. */
  async storedKeys(mediaId: string, tx: Transaction): Promise<string[]> {
    const rows = await managerOf(this.renditions.manager.connection, tx).find(
      MediaRendition,
      { select: { storageKey: true }, where: { mediaId } },
    );
    return rows.flatMap((row) => (row.storageKey ? [row.storageKey] : []));
  }

  /**
   * Unfinished renditions of items that have finished processing, untouched since `before`,
   * oldest first: their job was lost (Redis restarted) or their worker died. Read from the partial
   * index of unfinished renditions.
   */
  async findForgotten(before: Date, limit: number): Promise<string[]> {
    const rows = (await this.renditions.query(
      `SELECT r.id FROM media_renditions r
       JOIN media m ON m.id = r.media_id
       WHERE r.status IN ('queued', 'processing') AND r.updated_at < $1
         AND m.status IN ('READY', 'FAILED')
       ORDER BY r.updated_at LIMIT $2`,
      [before, limit],
    )) as Array<{ id: string }>;
    return rows.map((row) => row.id);
  }

  /** Marks the renditions as looked at, so the next recovery pass takes others first. */
  async touch(ids: string[]): Promise<void> {
    if (ids.length > 0) {
      await this.renditions.update({ id: In(ids) }, { updatedAt: new Date() });
    }
  }
}
