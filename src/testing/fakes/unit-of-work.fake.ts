import type {
  Transaction,
  UnitOfWork,
} from '../../infra/database/unit-of-work.js';

/** Something whose in-memory state a fake transaction can roll back: returns the undo. */
export interface Transactional {
  snapshot(): () => void;
}

/** The opaque token a fake unit of work hands out; fake repositories check they got one. */
export interface FakeTransaction extends Transaction {
  readonly fake: true;
  open: boolean;
}

export function isOpenTransaction(tx: unknown): tx is FakeTransaction {
  return (
    typeof tx === 'object' &&
    tx !== null &&
    (tx as FakeTransaction).fake &&
    (tx as FakeTransaction).open
  );
}

/** Throws unless `tx` is a transaction of a FakeUnitOfWork that is still running. */
export function assertInTransaction(tx: unknown, what: string): void {
  if (!isOpenTransaction(tx)) {
    throw new Error(`${what} needs an open transaction`);
  }
}

/**
 * Runs work at once, with a token the fake repositories accept; when the work throws, the
 * participants' rows are put back as they were (a rollback).
 */
export class FakeUnitOfWork implements Pick<
  UnitOfWork,
  'run' | 'recordCreated'
> {
  /** Transactions committed / rolled back. */
  committed = 0;
  rolledBack = 0;
  /** What the work told its (absent) idempotency record it created, in order. */
  readonly recorded: string[] = [];

  constructor(private readonly participants: Transactional[] = []) {}

  async run<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    const undo = this.participants.map((participant) => participant.snapshot());
    const tx = { fake: true, open: true } as unknown as FakeTransaction;
    try {
      const result = await work(tx);
      this.committed += 1;
      return result;
    } catch (error) {
      for (const restore of undo) restore();
      this.rolledBack += 1;
      throw error;
    } finally {
      tx.open = false;
    }
  }

  async recordCreated(tx: Transaction, ids: string[]): Promise<void> {
    assertInTransaction(tx, 'recordCreated');
    this.recorded.push(...ids);
  }

  asUnitOfWork(): UnitOfWork {
    return this as unknown as UnitOfWork;
  }
}
