import pg from 'pg';

/** A database of the benchmark's own on the local server, dropped afterwards. */
export async function dropBenchDatabase(database: string): Promise<void> {
  const admin = new pg.Client({
    connectionString: 'postgres://postgres@127.0.0.1:5432/postgres',
  });
  await admin.connect();
  try {
    await admin.query(
      `DROP DATABASE IF EXISTS ${admin.escapeIdentifier(database)} WITH (FORCE)`,
    );
  } finally {
    await admin.end();
  }
}
