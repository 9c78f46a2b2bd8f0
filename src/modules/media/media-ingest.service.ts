import { Injectable } from '@nestjs/common';
import { Storage } from '../../infra/storage/storage.port.js';
import type { Media, MediaSource } from './media.entity.js';
import { MediaLifecycleService } from './media-lifecycle.service.js';
import { MediaService, type ServerStoredSpec } from './media.service.js';
import { ProcessingJobs } from './processing.jobs.js';

/** What storing the bytes found out about them. */
export interface StoredBytes {
  contentType: string;
  sizeBytes: number;
}

/**
 * "Ingest bytes into a new item", the step every server-side source shares (URL upload, Drive,
 * rendered templates): the bytes are stored under the new item's key, then the item is saved as
 * PROCESSING with its `media.uploaded` event and queued for processing. If it cannot be saved, the
 * stored bytes are removed, so a failure leaves nothing behind.
 */
@Injectable()
export class MediaIngest {
  constructor(
    private readonly library: MediaService,
    private readonly lifecycle: MediaLifecycleService,
    private readonly processing: ProcessingJobs,
    private readonly storage: Storage,
  ) {}

  /**
   * Refuses (QueueUnavailableError) while new items could not be queued for processing: call it
   * before work that is expensive to throw away (a download, a render).
   */
  assertCanIngest(): void {
    this.processing.assertAvailable();
  }

  /**
   * Creates the item from whatever `store` writes to its key. With `awaitProcessing`, answers once
   * processing has finished (bounded, see MediaService.waitForProcessing), so the item's URL
   * serves at once in the common case.
   */
  async ingest(
    workspaceId: string,
    source: Exclude<MediaSource, 'upload' | 'external'>,
    spec: Omit<ServerStoredSpec, 'status'>,
    store: (key: string) => Promise<StoredBytes>,
    { awaitProcessing }: { awaitProcessing: boolean },
  ): Promise<Media> {
    this.assertCanIngest();
    const item = this.library.newServerStoredItem(workspaceId, source, {
      ...spec,
      status: 'PROCESSING',
    });
    const stored = await store(item.storagePath!);
    item.contentType = stored.contentType;
    item.sizeBytes = stored.sizeBytes;
    try {
      await this.lifecycle.insertReceived(item);
    } catch (error) {
      await this.storage.delete(item.storagePath!);
      throw error;
    }
    return awaitProcessing
      ? this.library.waitForProcessing(workspaceId, item.id)
      : item;
  }
}
