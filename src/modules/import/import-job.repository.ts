import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import {
  managerOf,
  type Transaction,
} from '../../infra/database/unit-of-work.js';
import { ImportJob, type ImportJobState } from './import-job.entity.js';

/** The only code that reads or writes `import_jobs`. */
@Injectable()
export class ImportJobRepository {
  constructor(
    @InjectRepository(ImportJob) private readonly jobs: Repository<ImportJob>,
  ) {}

  /** Inserts a new job in the caller's unit of work (with the item it fills). */
  async insert(job: ImportJob, tx: Transaction): Promise<void> {
    await managerOf(this.jobs.manager.connection, tx).insert(
      ImportJob,
      job as QueryDeepPartialEntity<ImportJob>,
    );
  }

  findInWorkspace(workspaceId: string, id: string): Promise<ImportJob | null> {
    return this.jobs.findOneBy({ id, workspaceId });
  }

  /** For the import job handler, acting on a job's id. */
  findById(id: string): Promise<ImportJob | null> {
    return this.jobs.findOneBy({ id });
  }

  async finish(
    id: string,
    state: Exclude<ImportJobState, 'importing'>,
    error: string | null,
  ): Promise<void> {
    await this.jobs.update({ id }, { state, error });
  }

  /** Imports still `importing`, untouched since `before`, oldest first. */
  findStale(before: Date, limit: number): Promise<ImportJob[]> {
    return this.jobs.find({
      where: { state: 'importing', updatedAt: LessThan(before) },
      order: { updatedAt: 'ASC' },
      take: limit,
    });
  }

  /** Marks the import as seen at `at`, so a recovery pass does not pick it up again at once. */
  async touch(id: string, at: Date): Promise<void> {
    await this.jobs.update({ id }, { updatedAt: at });
  }

  /** Deletes up to `limit` finished imports last changed before `before`; returns how many. */
  async deleteFinishedBefore(before: Date, limit: number): Promise<number> {
    const [, deleted] = (await this.jobs.query(
      `DELETE FROM import_jobs WHERE id IN (
         SELECT id FROM import_jobs
         WHERE state IN ('stored', 'failed') AND updated_at < $1
         LIMIT $2)`,
      [before, limit],
    )) as [unknown, number];
    return deleted;
  }
}
