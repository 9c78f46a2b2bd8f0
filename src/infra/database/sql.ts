import { Injectable } from '@nestjs/common';
import type { Pool, PoolClient, QueryResultRow } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import { managerOf, type Transaction } from './unit-of-work.js';

/**
 * Named prepared statements on TypeORM's own `pg` pool, for the hot reads and writes whose rows map
 * straight to a response. A repository `findOne` rebuilds and escapes its SQL and hydrates an
 * entity on every call; a named statement is parsed and planned once per pooled connection and its
 * row is used as it arrives (why: docs/performance.md#media-reads). Same pool, so the connection
 * limit and the 503 mapping of connection errors are unchanged.
 */
@Injectable()
export class Sql {
  private readonly pool: Pool;

  constructor(private readonly dataSource: DataSource) {
    this.pool = (dataSource.driver as PostgresDriver).master as Pool;
  }

  /**
   * Runs `text` as the prepared statement `name`; one name must always stand for the same text. In
   * the unit of work `tx` when given: on the connection its transaction holds.
   */
  async rows<Row extends QueryResultRow>(
    name: string,
    text: string,
    values: unknown[],
    tx?: Transaction,
  ): Promise<Row[]> {
    const client = tx ? await this.connectionOf(tx) : this.pool;
    const result = await client.query<Row>({ name, text, values });
    return result.rows;
  }

  /** The connection the unit of work's transaction holds. */
  private async connectionOf(tx: Transaction): Promise<PoolClient> {
    const runner = managerOf(this.dataSource, tx).queryRunner!;
    return (await runner.connect()) as PoolClient;
  }
}

/**
 * SQLSTATE classes 22 (data exception) and 23 (integrity constraint violation): the statement's
 * own values were refused, and nothing it wrote was kept.
 */
export function isRowValueError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^2[23][0-9A-Z]{3}$/.test(code);
}
