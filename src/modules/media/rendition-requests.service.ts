import { Injectable, Logger } from '@nestjs/common';
import { UnitOfWork } from '../../infra/database/unit-of-work.js';
import type { Media } from './media.entity.js';
import { MediaRepository } from './media.repository.js';
import type { MediaRendition } from './rendition.entity.js';
import { RenditionJobs } from './rendition.jobs.js';
import {
  MediaRenditionRepository,
  type RenditionRecipe,
} from './rendition.repository.js';

/**
 * Asks for renditions of an item (docs/contracts.md#renditions): the routes, and a bulk video
 * upload's automatic renditions once it is validated. Each recipe is made once per item; those of
 * an item still being processed wait for it, and processing's end starts them.
 */
@Injectable()
export class RenditionRequests {
  private readonly logger = new Logger(RenditionRequests.name);

  constructor(
    private readonly renditions: MediaRenditionRepository,
    private readonly media: MediaRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly jobs: RenditionJobs,
  ) {}

  /**
   * The item's renditions for `recipes`, in their order, the missing ones created (and, within a
   * keyed request, recorded as what it created). New renditions of a READY item are queued;
   * queueing waits for Redis only as long as a request may (503 when it is away, nothing written).
   */
  async request(
    media: Media,
    recipes: RenditionRecipe[],
  ): Promise<MediaRendition[]> {
    this.jobs.assertAvailable();
    const { renditions, created } = await this.unitOfWork.run(async (tx) => {
      const found = await this.renditions.findOrCreate(media, recipes, tx);
      await this.media.markRenditionsRequested(media, tx);
      await this.unitOfWork.recordCreated(tx, found.created);
      return found;
    });
    if (media.status === 'READY' || media.status === 'FAILED') {
      for (const id of created) {
        await this.jobs.enqueue(id);
      }
    }
    return renditions;
  }

  /**
   * Queues the renditions waiting for the item, now that its processing has finished. A Redis
   * hiccup is only logged: the recovery pass finds them waiting and queues them.
   */
  async startWaiting(media: Media): Promise<void> {
    try {
      for (const id of await this.renditions.waitingFor(media.id)) {
        await this.jobs.enqueue(id);
      }
    } catch (error) {
      this.logger.warn(
        { mediaId: media.id, workspaceId: media.workspaceId },
        `Could not queue the renditions of media ${media.id}, recovery will: ${String(error)}`,
      );
    }
  }
}
