import pg from 'pg';
import { inject } from 'vitest';

/**
 * A database of its own for an app whose background sweeps (reconciler, processing recovery) act
 * on the whole database: they then see exactly that file's items, and no other file's hand-made
 * states. The app creates and migrates it at boot.
 */
export interface IsolatedDatabase {
  url: string;
  drop(): Promise<void>;
}

export function isolatedDatabase(suffix: string): IsolatedDatabase {
  const url = new URL(inject('databaseUrl'));
  const name = `${url.pathname.slice(1)}_${suffix}`;
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const maintenance = new URL(url);
      maintenance.pathname = '/postgres';
      const admin = new pg.Client({
        connectionString: maintenance.toString(),
      });
      await admin.connect();
      try {
        await admin.query(
          `DROP DATABASE IF EXISTS ${admin.escapeIdentifier(name)} WITH (FORCE)`,
        );
      } finally {
        await admin.end();
      }
    },
  };
}
