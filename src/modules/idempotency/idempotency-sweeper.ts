import { Injectable, Logger } from '@nestjs/common';
import {
  deleteInBatchesFor,
  PASS_BUDGET_MS,
} from '../../infra/queue/batched-pass.js';
import { Every } from '../../infra/queue/job.js';
import { LOCKS } from '../../infra/registry.js';
import { IdempotencyRecordRepository } from './idempotency-record.repository.js';

/** Rows deleted per statement. */
const BATCH = 1_000;
/** Records expire 24 h after their request; a quarter of an hour late is soon enough to delete them. */
const INTERVAL_MS = 15 * 60_000;

/**
 * Deletes idempotency records past their 24 h replay window, so a workspace sending thousands of
 * keyed requests grows the table by one day's worth at most. Expired records are already ignored by
 * the claim; this only reclaims their space. Worker processes, one at a time; a pass deletes for up
 * to its budget (`inBatchesFor`), and one that stops there is followed by the next a moment later.
 */
@Injectable()
export class IdempotencySweeper {
  private readonly logger = new Logger(IdempotencySweeper.name);

  constructor(private readonly records: IdempotencyRecordRepository) {}

  @Every({
    name: 'Idempotency record sweep',
    lockId: LOCKS.idempotencySweep,
    intervalMs: () => INTERVAL_MS,
    runAtStart: true,
  })
  async sweep(now = new Date(), budgetMs = PASS_BUDGET_MS): Promise<number> {
    const total = await deleteInBatchesFor(budgetMs, BATCH, (limit) =>
      this.records.deleteExpired(now, limit),
    );
    if (total > 0) {
      this.logger.log(`Deleted ${total} expired idempotency records`);
    }
    return total;
  }
}
