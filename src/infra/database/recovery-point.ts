import { AsyncLocalStorage } from 'node:async_hooks';

/** A statement to run inside the transaction of an effect. */
export interface EffectStatement {
  name: string;
  text: string;
  values: unknown[];
}

/**
 * What a request's idempotency record needs to learn, in the same transaction as the request's own
 * PostgreSQL effect, that the effect committed and what it created (docs/contracts.md#idempotency):
 * "effect done, record lost" then cannot happen. The statement returns one row while the request
 * still holds its key; none when its lease lapsed and a retry took the key over, and the effect is
 * then rolled back rather than committed twice.
 */
export interface RecoveryPoint {
  statement(createdIds: string[]): EffectStatement;
}

/** The request's key was taken over by a retry before its effect committed: nothing was written. */
export class RecoveryPointLost extends Error {
  constructor() {
    super(
      'This request took too long and a retry with its Idempotency-Key took over; nothing was created by this one',
    );
    this.name = 'RecoveryPointLost';
  }
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
