import { Global, Logger, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../../migrations/index.js';
import { AppConfig } from '../../config/app-config.js';
import { AdvisoryLocks } from './advisory-locks.js';
import { DatabaseHealth } from './database-health.js';
import { runMigrationsLocked } from './run-migrations.js';
import { Sql } from './sql.js';
import { UnitOfWork } from './unit-of-work.js';

/**
 * TypeORM for the model and migrations, and what repositories and services build on: `Sql` for
 * the hot statements on the same pool (repositories only), `UnitOfWork` for transactions,
 * `AdvisoryLocks` for work one process does at a time.
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        type: 'postgres' as const,
        url: config.databaseUrl,
        autoLoadEntities: true,
        synchronize: false,
        migrationsRun: false,
        migrations: MIGRATIONS,
        migrationsTableName: 'typeorm_migrations',
        retryAttempts: 1,
        extra: {
          max: 10,
          connectionTimeoutMillis: 5000,
          // Every statement here is a row lookup or a bounded index walk. A generic plan's row
          // estimate can still pass jit_above_cost, and then compiling cost 55 ms of a 190 ms
          // reconciler read at 3 million items (bench:scale); no statement runs long enough to win
          // that back.
          options: '-c jit=off',
        },
      }),
      dataSourceFactory: async (options) => {
        const dataSource = await new DataSource(options!).initialize();
        const applied = await runMigrationsLocked(dataSource);
        if (applied.length > 0) {
          new Logger('Database').log(
            `Applied migrations: ${applied.join(', ')}`,
          );
        }
        return dataSource;
      },
    }),
  ],
  providers: [Sql, UnitOfWork, AdvisoryLocks, DatabaseHealth],
  exports: [Sql, UnitOfWork, AdvisoryLocks, DatabaseHealth],
})
export class DatabaseModule {}
