import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

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
}
