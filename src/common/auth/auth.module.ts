import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { WorkspacesModule } from '../../modules/workspaces/workspaces.module.js';
import { ApiKeyGuard } from './api-key.guard.js';
import { ScopesGuard } from './scopes.guard.js';
import { SubscriptionGuard } from './subscription.guard.js';

/** Global guards, run in this order on every route: API key, subscription, scopes. */
@Module({
  imports: [WorkspacesModule],
  providers: [
    { provide: APP_GUARD, useClass: ApiKeyGuard },
    { provide: APP_GUARD, useClass: SubscriptionGuard },
    { provide: APP_GUARD, useClass: ScopesGuard },
  ],
})
export class AuthModule {}
