import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import { Every } from '../../infra/queue/job.js';
import { LOCKS } from '../../infra/registry.js';
import { ImportJobRepository } from '../import/import-job.repository.js';
import { MediaEventRepository } from '../media/media-event.repository.js';

/** Rows deleted per statement, and statements per table per pass: a pass is bounded, the next one goes on. */
const BATCH = 1_000;
const MAX_BATCHES = 50;
const DAY_MS = 86_400_000;
/** Hourly is enough for a horizon counted in days. */
const INTERVAL_MS = 3_600_000;

/** What one retention pass deleted. */
export interface RetentionPass {
  events: number;
  importJobs: number;
}

/**
 * Deletes what is only history once it is older than RETENTION_DAYS: dispatched events (with their
 * webhook deliveries and attempts) and finished import jobs. Items themselves are never pruned.
 * Runs in worker processes, in one of them at a time.
 */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger(RetentionService.name);

  constructor(
    private readonly config: AppConfig,
    private readonly events: MediaEventRepository,
    private readonly importJobs: ImportJobRepository,
  ) {}

  @Every({
    name: 'Retention',
    lockId: LOCKS.retention,
    intervalMs: () => INTERVAL_MS,
    runAtStart: true,
  })
  async prune(now = new Date()): Promise<RetentionPass> {
    const before = new Date(
      now.getTime() - this.config.retention.days * DAY_MS,
    );
    const pass = {
      events: await inBatches((limit) =>
        this.events.deleteDispatchedBefore(before, limit),
      ),
      importJobs: await inBatches((limit) =>
        this.importJobs.deleteFinishedBefore(before, limit),
      ),
    };
    if (pass.events + pass.importJobs > 0) {
      this.logger.log(
        `Deleted ${pass.events} events and ${pass.importJobs} import jobs older than ${this.config.retention.days} days`,
      );
    }
    return pass;
  }
}

async function inBatches(
  deleteUpTo: (limit: number) => Promise<number>,
): Promise<number> {
  let total = 0;
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const deleted = await deleteUpTo(BATCH);
    total += deleted;
    if (deleted < BATCH) {
      break;
    }
  }
  return total;
}
