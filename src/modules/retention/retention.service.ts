import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import {
  deleteInBatchesFor,
  PASS_BUDGET_MS,
} from '../../infra/queue/batched-pass.js';
import { Every } from '../../infra/queue/job.js';
import { LOCKS } from '../../infra/registry.js';
import { ImportJobRepository } from '../import/import-job.repository.js';
import { MediaEventRepository } from '../media/media-event.repository.js';

/** Rows deleted per statement. */
const BATCH = 1_000;
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
 * Runs in worker processes, in one of them at a time. Each table gets a pass budget of batches
 * (`inBatchesFor`); a pass that stops at one with rows left is followed by the next a moment later,
 * not an hour later, so a backlog (a first deployment of retention on months of events) is cleared
 * in minutes.
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
  async prune(
    now = new Date(),
    budgetMs = PASS_BUDGET_MS,
  ): Promise<RetentionPass> {
    const before = new Date(
      now.getTime() - this.config.retention.days * DAY_MS,
    );
    const pass = {
      events: await deleteInBatchesFor(budgetMs, BATCH, (limit) =>
        this.events.deleteDispatchedBefore(before, limit),
      ),
      importJobs: await deleteInBatchesFor(budgetMs, BATCH, (limit) =>
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
