import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { recoveryPoints, RecoveryPointLost } from './recovery-point.js';

declare const transaction: unique symbol;

/**
 * An open database transaction, as a unit of work hands it to the repositories taking part in it.
 * Opaque outside repositories: services pass it along, only a repository turns it into queries.
 */
export interface Transaction {
  readonly [transaction]: true;
}

/** The transaction's entity manager, or the pool's when the call runs outside a unit of work. */
export function managerOf(
  dataSource: DataSource,
  tx: Transaction | undefined,
): EntityManager {
  return tx ? (tx as unknown as EntityManager) : dataSource.manager;
}

/**
 * Runs work that changes several tables (or one table under row locks) in one transaction: every
 * repository call given the `Transaction` takes part, and all of it commits or none does.
 */
@Injectable()
export class UnitOfWork {
  constructor(private readonly dataSource: DataSource) {}

  run<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) =>
      work(manager as unknown as Transaction),
    );
  }

  /**
   * Within a keyed request, tells its idempotency record in this same transaction that the work
   * created `ids` (its recovery point, docs/contracts.md#idempotency); throws RecoveryPointLost,
   * rolling the work back, when a retry took the key over meanwhile. Outside one, does nothing.
   */
  async recordCreated(tx: Transaction, ids: string[]): Promise<void> {
    const point = recoveryPoints.current();
    if (!point) return;
    const { text, values } = point.statement(ids);
    const marked: unknown[] = await managerOf(this.dataSource, tx).query(
      text,
      values,
    );
    if (marked.length === 0) throw new RecoveryPointLost();
  }
}
