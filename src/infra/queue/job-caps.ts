import type { Logger } from '@nestjs/common';
import type { Queue } from 'bull';
import type { JobPlace } from './job.js';
import type { Admission, Admit } from './processing-loop.js';
import type { WorkSlots } from './work-slots.js';

const UNCAPPED: Admission = { run: true, done: async () => undefined };
/** A job over its cap looks again after half the time it has waited so far, within these bounds. */
const RECHECK_MIN_MS = 1_000;
const RECHECK_MAX_MS = 30_000;

export interface CapSettings {
  queue: Queue;
  slots: WorkSlots;
  /** The cap's name (JobCap.name). */
  cap: string;
  limit: number;
  place: (data: unknown) => Promise<JobPlace>;
  /** Called for every job sent back to wait because its group was full. */
  onWait?: () => void;
  logger: Logger;
}

/**
 * The admission of a capped job (JobCap), run by the worker before the handler: a job placed in a
 * group runs once it holds one of the group's slots, which it frees when it has finished, waking the
 * group's longest waiter; over the cap it goes back to the delayed set and looks again after half
 * the time it has waited so far (1–30 s), or sooner when a slot of its group frees. A job that is
 * not due yet waits until it is. Where nothing can be decided (the database or Redis failing), the
 * job runs uncapped rather than not at all.
 */
export function admitUnderCap(settings: CapSettings): Admit {
  const { slots, cap, limit, logger } = settings;
  return async (job) => {
    const holder = String(job.id);
    try {
      const place = await settings.place(job.data);
      if (place === null) {
        return UNCAPPED;
      }
      if ('notBefore' in place) {
        return { run: false, until: place.notBefore.getTime() };
      }
      const { group } = place;
      const request = await slots.acquire(cap, group, holder, limit);
      if (!request.taken) {
        settings.onWait?.();
        logger.debug(
          { jobId: job.id },
          `Job ${holder} waits: ${group} has ${limit} ${cap} running`,
        );
        return {
          run: false,
          until: Date.now() + recheckDelayMs(request.waitedMs),
        };
      }
      return {
        run: true,
        done: async () => {
          const waiters = await request.slot.release();
          await wake(settings, group, waiters);
        },
      };
    } catch (error) {
      logger.warn(
        { jobId: job.id },
        `Job ${holder} runs without its ${cap} cap: ${String(error)}`,
      );
      return UNCAPPED;
    }
  };
}

/**
 * Moves the longest-waiting job of a group from delayed to waiting, so a freed slot is taken at once
 * rather than at that job's next look. Waiters whose job has finished or is gone are forgotten; a
 * waiter already waiting or running needs nothing. Best effort: every waiter also looks again by itself.
 */
async function wake(
  { queue, slots, cap }: CapSettings,
  group: string,
  waiters: string[],
): Promise<void> {
  try {
    for (const id of waiters) {
      // Two round trips (the job's hash, then one ZSCORE), where Bull's `getState` makes up to
      // six and reads the whole waiting list: this runs each time a capped job finishes.
      const job = await queue.getJob(id);
      if (job && !job.finishedOn) {
        if (await job.isDelayed()) {
          await job.promote();
        }
        // Delayed and now promoted, or already waiting or running: either way it is on its way.
        return;
      }
      // Finished or removed without taking a slot (nothing left to do): no longer waiting.
      await slots.forgetWaiter(cap, group, id);
    }
  } catch {
    // The waiter's own next look takes the slot.
  }
}

/** Half the time waited so far, within 1–30 s, ±20 % so waiters spread out. */
function recheckDelayMs(waitedMs: number): number {
  const base = Math.min(Math.max(waitedMs / 2, RECHECK_MIN_MS), RECHECK_MAX_MS);
  return Math.round(base * (0.8 + Math.random() * 0.4));
}
