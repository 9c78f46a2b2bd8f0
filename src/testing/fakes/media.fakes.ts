import { newId } from '../../common/ids.js';
import { QueueUnavailableError } from '../../infra/queue/job-port.js';
import type { MediaEventType } from '../../modules/media/media-event.entity.js';
import type { MediaEventRepository } from '../../modules/media/media-event.repository.js';
import { Media } from '../../modules/media/media.entity.js';
import type {
  MediaRepository,
  StaleKeyset,
} from '../../modules/media/media.repository.js';
import type { ProcessingJobs } from '../../modules/media/processing.jobs.js';
import type { ValidationJobs } from '../../modules/validation/validation.jobs.js';
import {
  assertInTransaction,
  type Transactional,
} from './unit-of-work.fake.js';

function copy(media: Media): Media {
  return Object.assign(new Media(), structuredClone(media));
}

/** A complete item with plausible defaults: a PENDING image upload. */
export function mediaRow(overrides: Partial<Media> = {}): Media {
  const id = overrides.id ?? newId('media');
  const workspaceId = overrides.workspaceId ?? 'ws_test';
  return Object.assign(new Media(), {
    id,
    seq: 0,
    workspaceId,
    filename: 'photo.jpg',
    contentType: 'image/jpeg',
    sizeBytes: null,
    status: 'PENDING',
    storagePath: `${workspaceId}/${id}/photo.jpg`,
    publicUrl: `https://cdn.test/${workspaceId}/${id}/photo.jpg`,
    validationStatus: 'skipped',
    validationResults: null,
    metadata: { source: 'upload' },
    width: null,
    height: null,
    videoDuration: null,
    videoCodec: null,
    videoWidth: null,
    videoHeight: null,
    posterPath: null,
    posterUrl: null,
    uploadChannel: 'single',
    maxSizeBytes: null,
    uploadSha256: null,
    checksumSha256: null,
    declaredSha256: null,
    declaredSha256VerifiedAt: null,
    multipartUploadId: null,
    multipartPartBytes: null,
    uploadExpiresAt: new Date(Date.now() + 3_600_000),
    uploadCheckedAt: null,
    targetPlatforms: null,
    validationPlatforms: null,
    createRenditions: false,
    renditionsRequestedAt: null,
    createdAt: new Date(),
    updatedAt: new Date(),
    ...overrides,
  } satisfies Media);
}

type MediaRepositoryFake = Pick<
  MediaRepository,
  | 'insert'
  | 'findById'
  | 'findInWorkspace'
  | 'existingIds'
  | 'lockForUpdate'
  | 'lockInWorkspace'
  | 'lockAllInWorkspace'
  | 'lockWithDuplicate'
  | 'update'
  | 'delete'
  | 'markDeclaredChecksumVerified'
  | 'markRenditionsRequested'
  | 'findStaleProcessing'
  | 'findForgottenValidations'
>;

/**
 * The `media` table in memory. Reads hand out copies, like rows read again from the database;
 * `update` changes the stored row and the caller's copy (with a new `updatedAt`), as the real
 * repository does. Row-locking reads and writes that take a transaction insist on an open one.
 */
export class FakeMediaRepository implements MediaRepositoryFake, Transactional {
  readonly rows = new Map<string, Media>();
  private nextSeq = 1;

  /** Stores an item as it is (tests' setup), giving it the next `seq`. */
  seed(overrides: Partial<Media> = {}): Media {
    const media = mediaRow({ ...overrides, seq: this.nextSeq++ });
    this.rows.set(media.id, copy(media));
    return media;
  }

  /** The stored row (for assertions), or undefined. */
  row(id: string): Media | undefined {
    return this.rows.get(id);
  }

  snapshot(): () => void {
    const saved = new Map(
      [...this.rows].map(([id, media]) => [id, copy(media)]),
    );
    return () => {
      this.rows.clear();
      for (const [id, media] of saved) this.rows.set(id, media);
    };
  }

  async insert(item: Media, tx: unknown) {
    assertInTransaction(tx, 'insert');
    if (this.rows.has(item.id)) {
      throw new Error(`duplicate key: media ${item.id}`);
    }
    const now = new Date();
    Object.assign(item, {
      seq: this.nextSeq++,
      createdAt: now,
      updatedAt: now,
    });
    this.rows.set(item.id, copy(item));
  }

  async findById(id: string): Promise<Media | null> {
    const row = this.rows.get(id);
    return row ? copy(row) : null;
  }

  async findInWorkspace(workspaceId: string, id: string) {
    const row = this.rows.get(id);
    return row?.workspaceId === workspaceId ? copy(row) : null;
  }

  async existingIds(workspaceId: string, ids: string[]) {
    return new Set(
      ids.filter((id) => this.rows.get(id)?.workspaceId === workspaceId),
    );
  }

  async lockForUpdate(id: string, tx: unknown): Promise<Media | null> {
    assertInTransaction(tx, 'lockForUpdate');
    return this.findById(id);
  }

  async lockInWorkspace(workspaceId: string, id: string, tx: unknown) {
    assertInTransaction(tx, 'lockInWorkspace');
    return this.findInWorkspace(workspaceId, id);
  }

  async lockAllInWorkspace(workspaceId: string, ids: string[], tx: unknown) {
    assertInTransaction(tx, 'lockAllInWorkspace');
    return [...this.rows.values()]
      .filter((row) => row.workspaceId === workspaceId && ids.includes(row.id))
      .sort((a, b) => a.id.localeCompare(b.id))
      .map(copy);
  }

  async lockWithDuplicate(id: string, checksum: string | null, tx: unknown) {
    assertInTransaction(tx, 'lockWithDuplicate');
    const media = this.rows.get(id);
    if (!media) return null;
    const duplicate = checksum
      ? [...this.rows.values()]
          .filter(
            (other) =>
              other.workspaceId === media.workspaceId &&
              other.checksumSha256 === checksum &&
              other.id !== id,
          )
          .sort((a, b) => a.seq - b.seq)[0]
      : undefined;
    return { media: copy(media), duplicateOf: duplicate?.id ?? null };
  }

  async update(current: Media, changes: Partial<Media>, tx: unknown) {
    assertInTransaction(tx, 'update');
    const row = this.rows.get(current.id);
    const updatedAt = new Date();
    if (row) {
      Object.assign(row, structuredClone(changes), { updatedAt });
    }
    Object.assign(current, changes, { updatedAt });
  }

  async markDeclaredChecksumVerified(id: string) {
    const row = this.rows.get(id);
    if (row) row.declaredSha256VerifiedAt = new Date();
  }

  async markRenditionsRequested(
    media: Pick<Media, 'id' | 'renditionsRequestedAt'>,
    tx: unknown,
  ) {
    assertInTransaction(tx, 'markRenditionsRequested');
    const row = this.rows.get(media.id);
    if (row) row.renditionsRequestedAt ??= new Date();
  }

  async delete(id: string, tx: unknown) {
    assertInTransaction(tx, 'delete');
    this.rows.delete(id);
  }

  async findStaleProcessing(
    before: Date,
    after: StaleKeyset | null,
    limit: number,
  ) {
    const keyset = (row: Media): StaleKeyset => ({
      updatedAt: row.updatedAt.toISOString(),
      id: row.id,
    });
    const order = (a: StaleKeyset, b: StaleKeyset) =>
      a.updatedAt < b.updatedAt
        ? -1
        : a.updatedAt > b.updatedAt
          ? 1
          : a.id < b.id
            ? -1
            : a.id > b.id
              ? 1
              : 0;
    const items = [...this.rows.values()]
      .filter(
        (row) =>
          row.status === 'PROCESSING' &&
          row.updatedAt < before &&
          (after === null || order(keyset(row), after) > 0),
      )
      .sort((a, b) => order(keyset(a), keyset(b)))
      .slice(0, limit);
    return {
      items: items.map(copy),
      last: items.length > 0 ? keyset(items.at(-1)!) : null,
    };
  }

  async findForgottenValidations(before: Date, limit: number) {
    return [...this.rows.values()]
      .filter(
        (row) =>
          (row.status === 'READY' || row.status === 'FAILED') &&
          ((row.validationStatus === 'pending' && row.updatedAt < before) ||
            (row.validationStatus === 'skipped' &&
              row.targetPlatforms !== null)),
      )
      .slice(0, limit)
      .map((row) => row.id);
  }

  asRepository(): MediaRepository {
    return this as unknown as MediaRepository;
  }
}

export interface RecordedEvent {
  id: string;
  mediaId: string;
  workspaceId: string;
  type: MediaEventType;
  /** The item's status as the event's data shows it. */
  status: Media['status'];
}

/** The `media_events` outbox in memory: what was recorded, with the item's status at the time. */
export class FakeMediaEventRepository
  implements Pick<MediaEventRepository, 'record'>, Transactional
{
  events: RecordedEvent[] = [];

  snapshot(): () => void {
    const saved = [...this.events];
    return () => {
      this.events = saved;
    };
  }

  async record(media: Media, type: MediaEventType, tx: unknown) {
    assertInTransaction(tx, 'record');
    this.events.push({
      id: newId('event'),
      mediaId: media.id,
      workspaceId: media.workspaceId,
      type,
      status: media.status,
    });
  }

  /** The types recorded for the item, in order. */
  typesFor(mediaId: string): MediaEventType[] {
    return this.events
      .filter((event) => event.mediaId === mediaId)
      .map((event) => event.type);
  }

  asRepository(): MediaEventRepository {
    return this as unknown as MediaEventRepository;
  }
}

/** A job port whose queue is in memory; `available = false` acts as Redis being away. */
abstract class FakeJobPort {
  available = true;

  assertAvailable(): void {
    if (!this.available) throw new QueueUnavailableError();
  }
}

export class FakeProcessingJobs
  extends FakeJobPort
  implements Pick<ProcessingJobs, 'assertAvailable' | 'enqueue' | 'hasLiveJob'>
{
  /** Media ids, in the order they were queued (one entry per call). */
  readonly enqueued: string[] = [];
  /** Media ids whose job counts as waiting or running. */
  readonly live = new Set<string>();

  async enqueue(mediaId: string): Promise<void> {
    this.assertAvailable();
    this.enqueued.push(mediaId);
  }

  async hasLiveJob(mediaId: string): Promise<boolean> {
    this.assertAvailable();
    return this.live.has(mediaId);
  }

  asPort(): ProcessingJobs {
    return this as unknown as ProcessingJobs;
  }
}

export class FakeValidationJobs
  extends FakeJobPort
  implements Pick<ValidationJobs, 'assertAvailable' | 'enqueue'>
{
  readonly enqueued: Array<{ mediaId: string; jobId: string }> = [];

  async enqueue(mediaId: string): Promise<string> {
    this.assertAvailable();
    const jobId = newId('job');
    this.enqueued.push({ mediaId, jobId });
    return jobId;
  }

  get mediaIds(): string[] {
    return this.enqueued.map((job) => job.mediaId);
  }

  asPort(): ValidationJobs {
    return this as unknown as ValidationJobs;
  }
}
