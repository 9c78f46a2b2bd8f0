import { AsyncLocalStorage } from 'node:async_hooks';

/** A statement with its parameters, run by name as a prepared statement. */
export interface EffectStatement {
  name: string;
  text: string;
  values: unknown[];
}

/**
 * What a request's idempotency record needs to learn, in the same transaction as the request's own
 * PostgreSQL effect, that the effect committed and what it created (docs/contracts.md#idempotency):
 * "effect done, record lost" then cannot happen. Both forms yield one row while the request still
 * holds its key, none when its lease lapsed and a retry took the key over; the effect is then rolled
 * back rather than committed twice.
 */
export interface RecoveryPoint {
  /** The mark as a statement of its own, for an effect's open transaction. */
  statement(createdIds: string[]): EffectStatement;
  /**
   * The mark as the body of a data-modifying `WITH` clause inside the effect's own statement, its
   * parameters numbered from `firstParam`.
   */
  clause(
    createdIds: string[],
    firstParam: number,
  ): { text: string; values: unknown[] };
}

/** SQLSTATE raised by `idempotency_keys_held()` when a mark found its key taken over. */
const KEY_TAKEN_OVER = 'IK001';

/** The request's key was taken over by a retry before its effect committed: nothing was written. */
export class RecoveryPointLost extends Error {
  constructor() {
    super(
      'This request took too long and a retry with its Idempotency-Key took over; nothing was created by this one',
    );
    this.name = 'RecoveryPointLost';
  }

  /** The error a statement built by `withRecoveryPoints` failed with, as RecoveryPointLost. */
  static from(error: unknown): unknown {
    return (error as { code?: unknown } | null)?.code === KEY_TAKEN_OVER
      ? new RecoveryPointLost()
      : error;
  }
}

/**
 * `statement` (an INSERT … RETURNING) with the marks of `points` in the same statement, so one round
 * trip commits the effect and the marks together, or neither when a key was taken over
 * (`idempotency_keys_held()` raises; migration 1764927200000). Returns the statement's rows.
 */
export function withRecoveryPoints(
  statement: EffectStatement,
  points: { point: RecoveryPoint; createdIds: string[] }[],
): EffectStatement {
  const values = [...statement.values];
  const clauses = points.map(({ point, createdIds }, index) => {
    const clause = point.clause(createdIds, values.length + 1);
    values.push(...clause.values);
    return `point_${index} AS (${clause.text})`;
  });
  const marked = points
    .map((_point, index) => `(SELECT count(*) FROM point_${index})`)
    .join(' + ');
  return {
    name: `${statement.name}_marking_${points.length}`,
    text: `WITH ${clauses.join(', ')},
  held AS (SELECT idempotency_keys_held(${marked}, ${points.length}) AS held),
  effect AS (${statement.text})
SELECT effect.* FROM effect, held`,
    values,
  };
}

const scope = new AsyncLocalStorage<RecoveryPoint>();

/** The recovery point of the keyed request running in this async context, if any. */
export const recoveryPoints = {
  run<T>(point: RecoveryPoint, work: () => T): T {
    return scope.run(point, work);
  },
  current(): RecoveryPoint | undefined {
    return scope.getStore();
  },
};
