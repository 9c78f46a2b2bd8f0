import { Injectable } from '@nestjs/common';
import type { RecoveryPoint } from '../../infra/database/recovery-point.js';
import { Sql } from '../../infra/database/sql.js';

/** A finished request's answer as stored, its body sealed (a receipt when it was too large). */
export interface StoredResponse {
  status: number;
  contentType: string;
  sealedBody: string;
}

/**
 * What holds a key: the request still running with it, the answer it ended with, or, when its
 * process stopped after its effect committed and before its answer was stored, what it created.
 */
export type HeldKey =
  | { state: 'running'; fingerprint: string }
  | ({ state: 'done'; fingerprint: string } & StoredResponse)
  | { state: 'unanswered'; fingerprint: string; created: string[] };

/** How long a finished request's answer is kept for replay (docs/contracts.md#idempotency). */
const REPLAY_WINDOW = `interval '24 hours'`;

/**
 * Takes the key: a new row, or one whose request's lease lapsed without an answer, or one past its
 * replay window. Returns the owner token when taken, no row when someone else holds the key. A lapsed lease whose
 * request's effect committed (`created`, its recovery point) is never taken: that request ran.
 *
 * Committed without waiting for its WAL flush (`synchronous_commit` off for this statement's own
 * transaction, set by `set_config(…, true)`): the claim has no effect of its own to protect, and
 * the handler's first durable commit flushes it too, since WAL is flushed in order. A database
 * crash can lose only a claim whose request then wrote nothing. This spares a keyed POST one disk
 * flush (docs/performance.md#idempotency-records). The answer is committed durably.
 */
const CLAIM = `
INSERT INTO idempotency_records AS r
  (workspace_id, key, fingerprint, owner, lease_expires_at, expires_at)
SELECT $1::varchar, $2::text, $3::text, $4::uuid, now() + $5::float8 * interval '1 millisecond', now() + ${REPLAY_WINDOW}
FROM (SELECT set_config('synchronous_commit', 'off', true)) AS relaxed
ON CONFLICT (workspace_id, key) DO UPDATE SET
  fingerprint = EXCLUDED.fingerprint, owner = EXCLUDED.owner,
  lease_expires_at = EXCLUDED.lease_expires_at, status = NULL, content_type = NULL, body = NULL,
  created = NULL, expires_at = EXCLUDED.expires_at, created_at = now()
WHERE r.expires_at <= now()
   OR (r.status IS NULL AND r.created IS NULL AND r.lease_expires_at <= now())
RETURNING owner`;

const READ = `
SELECT fingerprint, status, content_type AS "contentType", body, created,
  lease_expires_at <= now() AS "leaseLapsed"
FROM idempotency_records WHERE workspace_id = $1 AND key = $2`;

/**
 * The recovery point, inside the effect's own transaction or statement: what the request created so
 * far (a Drive import creates several items, one transaction each). No row once the key is not ours.
 */
const recordCreated = (first: number) => `
  UPDATE idempotency_records SET created = coalesce(created, '{}') || $${first}::text[]
  WHERE workspace_id = $${first + 1} AND key = $${first + 2} AND owner = $${first + 3}
    AND status IS NULL
  RETURNING 1`;
const RECORD_CREATED = `WITH marked AS (${recordCreated(1)}) SELECT 1 AS marked FROM marked`;

const RENEW = `
UPDATE idempotency_records SET lease_expires_at = now() + $4 * interval '1 millisecond'
WHERE workspace_id = $1 AND key = $2 AND owner = $3 AND status IS NULL`;

const COMPLETE = `
UPDATE idempotency_records
SET status = $4, content_type = $5, body = $6, owner = NULL, lease_expires_at = NULL
WHERE workspace_id = $1 AND key = $2 AND owner = $3 AND status IS NULL
RETURNING 1 AS done`;

/**
 * Frees the key of a request that ended without an answer to keep, when it committed nothing; one
 * that did (its recovery point is set) keeps the key, its lease ended at once, so a retry is told
 * what it created instead of running again.
 */
const RELEASE = `
WITH freed AS (
  DELETE FROM idempotency_records
  WHERE workspace_id = $1 AND key = $2 AND owner = $3 AND status IS NULL AND created IS NULL
  RETURNING 1)
UPDATE idempotency_records SET owner = NULL, lease_expires_at = now()
WHERE workspace_id = $1 AND key = $2 AND owner = $3 AND status IS NULL AND created IS NOT NULL`;

/**
 * The only code that reads or writes `idempotency_records`. Every statement is one round trip, a
 * named prepared statement (the claim and the answer are on every keyed POST), and every change
 * after the claim is conditional on still owning the key.
 */
@Injectable()
export class IdempotencyRecordRepository {
  constructor(private readonly sql: Sql) {}

  /**
   * Takes the key for a new request (returns its owner token), or, when it is held, returns what
   * holds it: the request running with it, or the answer it ended with. `null` when the key was
   * freed between the two statements: claim again.
   */
  async claim(
    workspaceId: string,
    key: string,
    fingerprint: string,
    owner: string,
    leaseMs: number,
  ): Promise<{ owner: string } | { held: HeldKey } | null> {
    const taken = await this.sql.rows<{ owner: string }>(
      'idempotency_claim',
      CLAIM,
      [workspaceId, key, fingerprint, owner, leaseMs],
    );
    if (taken.length > 0) {
      return { owner };
    }
    const [row] = await this.sql.rows<{
      fingerprint: string;
      status: number | null;
      contentType: string | null;
      body: string | null;
      created: string[] | null;
      leaseLapsed: boolean | null;
    }>('idempotency_read', READ, [workspaceId, key]);
    if (!row) {
      return null;
    }
    if (row.status === null) {
      return {
        held:
          row.created !== null && row.leaseLapsed !== false
            ? {
                state: 'unanswered',
                fingerprint: row.fingerprint,
                created: row.created,
              }
            : { state: 'running', fingerprint: row.fingerprint },
      };
    }
    return {
      held: {
        state: 'done',
        fingerprint: row.fingerprint,
        status: row.status,
        contentType: row.contentType!,
        sealedBody: row.body!,
      },
    };
  }

  async renew(
    workspaceId: string,
    key: string,
    owner: string,
    leaseMs: number,
  ): Promise<void> {
    await this.sql.rows('idempotency_renew', RENEW, [
      workspaceId,
      key,
      owner,
      leaseMs,
    ]);
  }

  /**
   * The recovery point of the request holding the key as `owner`: effects mark it in their own
   * transaction (UnitOfWork.recordCreated) or statement (MediaRepository.insertAll).
   */
  recoveryPoint(
    workspaceId: string,
    key: string,
    owner: string,
  ): RecoveryPoint {
    return {
      statement: (createdIds) => ({
        name: 'idempotency_record_created',
        text: RECORD_CREATED,
        values: [createdIds, workspaceId, key, owner],
      }),
      clause: (createdIds, firstParam) => ({
        text: recordCreated(firstParam),
        values: [createdIds, workspaceId, key, owner],
      }),
    };
  }

  /** Keeps the answer; false when `owner` no longer holds the key (its lease lapsed and was taken). */
  async complete(
    workspaceId: string,
    key: string,
    owner: string,
    response: StoredResponse,
  ): Promise<boolean> {
    const rows = await this.sql.rows('idempotency_complete', COMPLETE, [
      workspaceId,
      key,
      owner,
      response.status,
      response.contentType,
      response.sealedBody,
    ]);
    return rows.length > 0;
  }

  /** Frees the key (a 5xx, a refusal not kept): the next request with it runs afresh. */
  async release(
    workspaceId: string,
    key: string,
    owner: string,
  ): Promise<void> {
    await this.sql.rows('idempotency_release', RELEASE, [
      workspaceId,
      key,
      owner,
    ]);
  }

  /**
   * Deletes up to `limit` records past their replay window (and leases nobody renewed since); returns
   * how many.
   */
  async deleteExpired(now: Date, limit: number): Promise<number> {
    const rows = await this.sql.rows(
      'idempotency_delete_expired',
      `DELETE FROM idempotency_records WHERE (workspace_id, key) IN (
         SELECT workspace_id, key FROM idempotency_records
         WHERE expires_at <= $1 AND (status IS NOT NULL OR lease_expires_at <= $1)
         LIMIT $2)
       RETURNING 1`,
      [now, limit],
    );
    return rows.length;
  }
}
