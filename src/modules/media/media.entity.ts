import {
  Column,
  CreateDateColumn,
  Entity,
  Generated,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { bigintAsNumber } from '../../infra/database/bigint.js';
import { Workspace } from '../workspaces/workspace.entity.js';

export const MEDIA_STATUSES = [
  'PENDING',
  'PROCESSING',
  'READY',
  'FAILED',
] as const;
export type MediaStatus = (typeof MEDIA_STATUSES)[number];

export const VALIDATION_STATUSES = [
  'pending',
  'passed',
  'failed',
  'skipped',
] as const;
export type ValidationStatus = (typeof VALIDATION_STATUSES)[number];

export const MEDIA_SOURCES = [
  'upload',
  'url',
  'import_url',
  'drive',
  'external',
  'render',
] as const;
export type MediaSource = (typeof MEDIA_SOURCES)[number];

/** How a direct upload was requested; decides its URL lifetime and size cap. */
export const UPLOAD_CHANNELS = [
  'single',
  'bulk_presign',
  'bulk_video',
] as const;
export type UploadChannel = (typeof UPLOAD_CHANNELS)[number];

export interface ProcessingResult {
  valid: boolean;
  errors: string[];
}

export type ValidationResults = Record<string, unknown> & {
  processing?: ProcessingResult;
};

@Entity({ name: 'media' })
@Index('idx_media_workspace_seq', ['workspaceId', 'seq'])
// Status-filtered lists, whatever plan PostgreSQL caches (1765100000000-ListIndexes).
@Index('idx_media_workspace_status_seq', ['workspaceId', 'status', 'seq'])
// Expired uploads, a workspace at a time (1765532000000-PassIndexes).
@Index('idx_media_pending_expires', ['workspaceId', 'uploadExpiresAt'], {
  where: `"status" = 'PENDING'`,
})
@Index('idx_media_workspace_checksum', ['workspaceId', 'checksumSha256'], {
  where: '"checksum_sha256" IS NOT NULL',
})
// Created with `upload_checked_at NULLS FIRST`, which TypeORM cannot declare (1764754400000-UploadCheckedAt).
@Index(
  'idx_media_pending_upload_checked',
  ['workspaceId', 'uploadCheckedAt', 'seq'],
  { where: `"status" = 'PENDING'` },
)
// The periodic passes' partial indexes (1765186400000-RecoveryIndexes, 1765532000000-PassIndexes,
// RECOVERY_STATEMENTS).
@Index('idx_media_processing_updated', ['updatedAt', 'id'], {
  where: `"status" = 'PROCESSING'`,
})
@Index('idx_media_abandoned_multipart', ['id'], {
  where: `"multipart_upload_id" IS NOT NULL AND "status" <> 'PENDING'`,
})
@Index('idx_media_validation_recovery', ['updatedAt'], {
  where: `"status" IN ('READY', 'FAILED') AND ("validation_status" = 'pending' OR ("validation_status" = 'skipped' AND "target_platforms" IS NOT NULL))`,
})
export class Media {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id: string;

  /**
   * Insertion order: the stable sort key of list pagination, always read within a workspace (no
   * index orders the whole table by it; see `listStatement`).
   */
  @Column({ type: 'bigint', transformer: bigintAsNumber })
  @Generated('increment')
  seq: number;

  @Column({ name: 'workspace_id', type: 'varchar', length: 40 })
  workspaceId: string;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id' })
  workspace?: Workspace;

  @Column({ type: 'varchar', length: 255 })
  filename: string;

  @Column({ name: 'content_type', type: 'varchar', length: 100 })
  contentType: string;

  @Column({
    name: 'size_bytes',
    type: 'bigint',
    nullable: true,
    transformer: bigintAsNumber,
  })
  sizeBytes: number | null;

  @Column({ type: 'varchar', length: 20 })
  status: MediaStatus;

  /** Storage key `<workspaceId>/<mediaId>/<sanitised filename>`; null for external media. */
  @Index('uq_media_storage_path', { unique: true })
  @Column({
    name: 'storage_path',
    type: 'varchar',
    length: 1024,
    nullable: true,
  })
  storagePath: string | null;

  @Column({ name: 'public_url', type: 'text' })
  publicUrl: string;

  @Column({ name: 'validation_status', type: 'varchar', length: 20 })
  validationStatus: ValidationStatus;

  @Column({ name: 'validation_results', type: 'jsonb', nullable: true })
  validationResults: ValidationResults | null;

  @Column({ type: 'jsonb' })
  metadata: Record<string, unknown>;

  @Column({ type: 'integer', nullable: true })
  width: number | null;

  @Column({ type: 'integer', nullable: true })
  height: number | null;

  @Column({ name: 'video_duration', type: 'double precision', nullable: true })
  videoDuration: number | null;

  @Column({ name: 'video_codec', type: 'varchar', length: 50, nullable: true })
  videoCodec: string | null;

  @Column({ name: 'video_width', type: 'integer', nullable: true })
  videoWidth: number | null;

  @Column({ name: 'video_height', type: 'integer', nullable: true })
  videoHeight: number | null;

  /** Storage key of a READY video's poster frame (see `buildPosterKey`); null without one. */
  @Index('uq_media_poster_path', { unique: true })
  @Column({
    name: 'poster_path',
    type: 'varchar',
    length: 1024,
    nullable: true,
  })
  posterPath: string | null;

  @Column({ name: 'poster_url', type: 'text', nullable: true })
  posterUrl: string | null;

  @Column({
    name: 'upload_channel',
    type: 'varchar',
    length: 20,
    nullable: true,
  })
  uploadChannel: UploadChannel | null;

  /** Largest object accepted for this item; checked again on the stored bytes. */
  @Column({
    name: 'max_size_bytes',
    type: 'bigint',
    nullable: true,
    transformer: bigintAsNumber,
  })
  maxSizeBytes: number | null;

  /**
   * Hex SHA-256 of the bytes that filled a local direct upload, or of the part list that completed
   * a multipart one, so a retried PUT or completion is recognised.
   */
  @Column({ name: 'upload_sha256', type: 'char', length: 64, nullable: true })
  uploadSha256: string | null;

  /** Hex SHA-256 of the stored object, recorded when processing finishes. */
  @Column({ name: 'checksum_sha256', type: 'char', length: 64, nullable: true })
  checksumSha256: string | null;

  /** Hex SHA-256 the client declared for a direct upload; other stored bytes fail the item. */
  @Column({ name: 'declared_sha256', type: 'char', length: 64, nullable: true })
  declaredSha256: string | null;

  /** When the bytes as received were found to match `declaredSha256`; a re-run does not check again. */
  @Column({
    name: 'declared_sha256_verified_at',
    type: 'timestamptz',
    nullable: true,
  })
  declaredSha256VerifiedAt: Date | null;

  /** The open multipart upload of a large direct upload; null once completed or aborted. */
  @Column({
    name: 'multipart_upload_id',
    type: 'varchar',
    length: 1024,
    nullable: true,
  })
  multipartUploadId: string | null;

  /** Part size of the multipart plan: every part but the last is this long. */
  @Column({
    name: 'multipart_part_bytes',
    type: 'bigint',
    nullable: true,
    transformer: bigintAsNumber,
  })
  multipartPartBytes: number | null;

  /** When the latest upload URL stops working; null once no URL is outstanding. */
  @Column({ name: 'upload_expires_at', type: 'timestamptz', nullable: true })
  uploadExpiresAt: Date | null;

  /**
   * When the upload reconciler last looked in storage for this PENDING item's object; null until
   * it first does. Each workspace's least recently checked items are looked at first.
   */
  @Column({ name: 'upload_checked_at', type: 'timestamptz', nullable: true })
  uploadCheckedAt: Date | null;

  @Column({
    name: 'target_platforms',
    type: 'text',
    array: true,
    nullable: true,
  })
  targetPlatforms: string[] | null;

  /**
   * A bulk video upload asked for renditions for the target platforms the video fails; they are
   * requested when its automatic validation has run.
   */
  @Column({ name: 'create_renditions', type: 'boolean', default: false })
  createRenditions: boolean;

  /**
   * When a rendition of the item was first asked for; null while none was. `GET /v1/media/{id}`
   * reads the renditions table only for items that have one (1765705600000-RenditionsRequestedAt).
   */
  @Column({
    name: 'renditions_requested_at',
    type: 'timestamptz',
    nullable: true,
  })
  renditionsRequestedAt: Date | null;

  /** Platforms whose validation was requested and has not run yet; null when none are pending. */
  @Column({
    name: 'validation_platforms',
    type: 'text',
    array: true,
    nullable: true,
  })
  validationPlatforms: string[] | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
