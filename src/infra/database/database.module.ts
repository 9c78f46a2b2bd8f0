import { Global, Logger, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../../migrations/index.js';
import { AppConfig } from '../../config/app-config.js';
import { runMigrationsLocked } from './run-migrations.js';
import { Sql } from './sql.js';

/** TypeORM for the model and migrations; `Sql` for the hot statements on the same pool. */
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
        extra: { max: 10, connectionTimeoutMillis: 5000 },
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
  providers: [Sql],
  exports: [Sql],
})
export class DatabaseModule {}
