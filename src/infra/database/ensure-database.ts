import pg from 'pg';
import { StartupError } from '../startup-error.js';

function describeTarget(url: URL): string {
  return `${url.hostname}:${url.port || '5432'}`;
}

/**
 * Whether CREATE DATABASE failed only because another replica created the same database between
 * our check and our CREATE: 42P04 when its CREATE had committed already, 23505 on the catalog's
 * unique index when both CREATEs ran at the same time and ours waited for the other to commit.
 */
function createdByAnotherReplica(error: {
  code?: string;
  constraint?: string;
}): boolean {
  return (
    error.code === '42P04' ||
    (error.code === '23505' && error.constraint === 'pg_database_datname_index')
  );
}

/**
 * Creates the database named in DATABASE_URL when it does not exist yet, by connecting to the
 * server's `postgres` maintenance database with the same credentials.
 */
export async function ensureDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!name) {
    throw new StartupError(
      `DATABASE_URL names no database (${url.protocol}//${describeTarget(url)})`,
    );
  }
  const maintenanceUrl = new URL(url);
  maintenanceUrl.pathname = '/postgres';
  const client = new pg.Client({
    connectionString: maintenanceUrl.toString(),
    connectionTimeoutMillis: 5000,
  });
  try {
    await client.connect();
  } catch (error) {
    throw new StartupError(
      `PostgreSQL is not reachable at ${describeTarget(url)} (DATABASE_URL): ${(error as Error).message}`,
    );
  }
  try {
    const existing = await client.query(
      'SELECT 1 FROM pg_database WHERE datname = $1',
      [name],
    );
    if (existing.rowCount === 0) {
      await client
        .query(`CREATE DATABASE ${client.escapeIdentifier(name)}`)
        .catch((error: { code?: string; constraint?: string }) => {
          if (!createdByAnotherReplica(error)) {
            throw error;
          }
        });
    }
  } finally {
    await client.end();
  }
}
