import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { IdentifyCallerGuard, RequireApiKeyGuard } from './api-key.guard.js';
import { ScopesGuard } from './scopes.guard.js';
import { SubscriptionGuard } from './subscription.guard.js';

/**
 * Global guards, run in this order on every route: identify the caller, require a key,
 * subscription, scopes. `authenticatorModule` must export an `Authenticator`.
 */
@Module({})
export class AuthModule {
  static register(authenticatorModule: Type): DynamicModule {
    return {
      module: AuthModule,
      imports: [authenticatorModule],
      providers: [
        { provide: APP_GUARD, useClass: IdentifyCallerGuard },
        { provide: APP_GUARD, useClass: RequireApiKeyGuard },
        { provide: APP_GUARD, useClass: SubscriptionGuard },
        { provide: APP_GUARD, useClass: ScopesGuard },
      ],
    };
  }
}
