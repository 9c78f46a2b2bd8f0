import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { bigintAsNumber } from '../../infra/database/bigint.js';
import { Media } from './media.entity.js';

export const RENDITION_STATUSES = [
  'queued',
  'processing',
  'ready',
  'failed',
] as const;
export type RenditionStatus = (typeof RENDITION_STATUSES)[number];

export const RENDITION_FITS = ['pad', 'crop'] as const;
export type RenditionFit = (typeof RENDITION_FITS)[number];

/** A platform's verdict on the rendition, by the same evaluator as `validate`. */
export interface RenditionValidation {
  valid: boolean;
  errors: string[];
  warnings: string[];
}

/**
 * A version of an item made for one platform (docs/contracts.md#renditions): the original itself
 * when it already passes, else a transcoded or re-encoded file stored beside the item. One per
 * (item, platform, fit, trim); deleting the item deletes its renditions.
 */
@Entity({ name: 'media_renditions' })
@Index('uq_media_renditions_recipe', ['mediaId', 'platform', 'fit', 'trim'], {
  unique: true,
})
// Unfinished renditions in the order they were last touched: what the recovery pass looks at.
@Index('idx_media_renditions_unfinished', ['updatedAt'], {
  where: `"status" IN ('queued', 'processing')`,
})
// Serving a file (local storage) looks its rendition up by key.
@Index('uq_media_renditions_storage_key', ['storageKey'], {
  unique: true,
  where: '"storage_key" IS NOT NULL',
})
export class MediaRendition {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id: string;

  @Column({ name: 'workspace_id', type: 'varchar', length: 40 })
  workspaceId: string;

  @Column({ name: 'media_id', type: 'varchar', length: 40 })
  mediaId: string;

  @ManyToOne(() => Media, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'media_id' })
  media?: Media;

  @Column({ type: 'varchar', length: 40 })
  platform: string;

  @Column({ type: 'varchar', length: 8 })
  fit: RenditionFit;

  @Column({ type: 'boolean' })
  trim: boolean;

  @Column({ type: 'varchar', length: 16 })
  status: RenditionStatus;

  /** 0–100, from ffmpeg's progress while a video transcodes. */
  @Column({ type: 'smallint', default: 0 })
  progress: number;

  /** Where the made file is stored; null while unfinished, and when the original is the rendition. */
  @Column({ name: 'storage_key', type: 'text', nullable: true })
  storageKey: string | null;

  /** Where the rendition is served: its own file's URL, or the original's when that already passes. */
  @Column({ type: 'text', nullable: true })
  url: string | null;

  @Column({
    name: 'content_type',
    type: 'varchar',
    length: 100,
    nullable: true,
  })
  contentType: string | null;

  @Column({
    name: 'size_bytes',
    type: 'bigint',
    nullable: true,
    transformer: bigintAsNumber,
  })
  sizeBytes: number | null;

  @Column({ type: 'integer', nullable: true })
  width: number | null;

  @Column({ type: 'integer', nullable: true })
  height: number | null;

  @Column({ name: 'video_duration', type: 'double precision', nullable: true })
  videoDuration: number | null;

  /** What was done to the original, in order ("transcoded vp8 → h264", …); empty for the original. */
  @Column({ type: 'jsonb', default: () => `'[]'` })
  changes: string[];

  @Column({ type: 'jsonb', nullable: true })
  validation: RenditionValidation | null;

  /** Why a failed rendition could not be made, for a person. */
  @Column({ type: 'text', nullable: true })
  error: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
