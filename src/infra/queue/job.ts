import { SetMetadata } from '@nestjs/common';
import type { JobOptions } from 'bull';
import type { AppConfig } from '../../config/app-config.js';
import type { QueueName } from '../registry.js';

/**
 * One kind of job: its queue, its name and the options of a job carrying `data`. Payloads carry
 * ids only; handlers reload what they need, so a job run twice (a retry, a stalled job, recovery)
 * finds the current state. A deterministic `jobId` collapses duplicates while one is queued.
 */
export interface JobDefinition<T> {
  queue: QueueName;
  name: string;
  options: (data: T) => JobOptions;
}

export function defineJob<T>(definition: JobDefinition<T>): JobDefinition<T> {
  return definition;
}

/** What a handler is told about the run it makes. */
export interface JobContext {
  id: string;
  /** No retry follows if this attempt fails. */
  lastAttempt: boolean;
}

/** What a job did: a sentence for the log, and the ids its log line is found by. */
export interface JobReport {
  summary: string;
  mediaId?: string;
  workspaceId?: string;
}

export type JobHandler<T> = (data: T, job: JobContext) => Promise<JobReport>;

/**
 * Where a job stands before its handler runs: the group whose cap it counts against (a workspace,
 * a webhook endpoint); `{ notBefore }` when it must not run yet (it waits in Bull's delayed set,
 * holding no worker slot); null to run it uncapped (it has nothing left to do).
 */
export type JobPlace = { group: string } | { notBefore: Date } | null;

/**
 * A cap on the jobs of one group running at once across every worker process (WorkSlots). A job
 * over its group's cap is put back in Bull's delayed set, out of the worker's slots, and runs when
 * a slot of its group frees: it waits, it is never refused or lost.
 */
export interface JobCap<T> {
  /** Names the cap in Redis keys, logs and the waits metric. */
  name: string;
  limit: (config: AppConfig) => number;
  /** Where the job carrying `data` stands; `owner` is the handler's provider instance. */
  place: (owner: never, data: T) => Promise<JobPlace>;
}

export interface JobHandlerMetadata {
  job: JobDefinition<unknown>;
  concurrency: (config: AppConfig) => number;
  enabled?: (config: AppConfig) => boolean;
  cap?: JobCap<unknown>;
}

export interface PeriodicTaskMetadata {
  /** Shown in logs. */
  name: string;
  /** Its advisory lock (`LOCKS`): one pass at a time across every worker process. */
  lockId: number;
  /** 0 or less turns the task off. */
  intervalMs: (config: AppConfig) => number;
  /** A first pass when the worker starts, before the first interval has passed. */
  runAtStart?: boolean;
  enabled?: (config: AppConfig) => boolean;
}

export const JOB_HANDLER = 'media-api:job-handler';
export const PERIODIC_TASK = 'media-api:periodic-task';

/**
 * Marks a provider method as the handler of `job`, run by worker processes only (JobRunner), at
 * most `concurrency` at once per process. The handler's report becomes the job's log line.
 */
export function OnJob<T>(
  job: JobDefinition<T>,
  options: Omit<JobHandlerMetadata, 'job' | 'cap'> & { cap?: JobCap<T> },
) {
  return <H extends JobHandler<T>>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<H>,
  ) => {
    SetMetadata<string, JobHandlerMetadata>(JOB_HANDLER, {
      job: job as JobDefinition<unknown>,
      ...options,
      cap: options.cap as JobCap<unknown> | undefined,
    })(target, key, descriptor);
  };
}

/**
 * Marks a provider method as a periodic pass, run by worker processes only, at most once at a time
 * across all of them (see PeriodicTask).
 */
export function Every(options: PeriodicTaskMetadata) {
  return <M extends () => Promise<unknown>>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<M>,
  ) => {
    SetMetadata<string, PeriodicTaskMetadata>(PERIODIC_TASK, options)(
      target,
      key,
      descriptor,
    );
  };
}
