import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, Repository } from 'typeorm';
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
    await managerOf(this.jobs.manager.connection, tx).insert(ImportJob, job);
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
}
