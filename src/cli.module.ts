import { Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { DatabaseModule } from './infra/database/database.module.js';
import { RedisModule } from './infra/redis/redis.module.js';
import { WorkspacesModule } from './modules/workspaces/workspaces.module.js';

/**
 * Just enough of the application for the administrative CLI: config, database, workspaces, and
 * Redis to tell running processes about revoked keys and changed subscriptions.
 */
@Module({})
export class CliModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [
        ConfigModule.forConfig(config),
        DatabaseModule,
        RedisModule,
        WorkspacesModule,
      ],
    };
  }
}
