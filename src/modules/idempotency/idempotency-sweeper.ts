import { Injectable, Logger } from '@nestjs/common';
import { Every } from '../../infra/queue/job.js';
import { LOCKS } from '../../infra/registry.js';
import { IdempotencyRecordRepository } from './idempotency-record.repository.js';

/** Rows deleted per statement, and statements per pass: a pass is bounded, the next one goes on. */
const BATCH = 1_000;
const MAX_BATCHES = 100;
/** Records expire 24 h after their request; a quarter of an hour late is soon enough to delete them. */
const INTERVAL_MS = 15 * 60_000;

/**
 * Deletes idempotency records past their 24 h replay window, so a workspace sending thousands of
 * keyed requests grows the table by one day's worth at most. Expired records are already ignored by
 * the claim; this only reclaims their space. Worker processes, one at a time.
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
  async sweep(now = new Date()): Promise<number> {
    let total = 0;
    for (let batch = 0; batch < MAX_BATCHES; batch++) {
      const deleted = await this.records.deleteExpired(now, BATCH);
      total += deleted;
      if (deleted < BATCH) break;
    }
    if (total > 0) {
      this.logger.log(`Deleted ${total} expired idempotency records`);
    }
    return total;
  }
}
