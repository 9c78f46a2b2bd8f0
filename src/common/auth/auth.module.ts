import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { RateLimitGuard } from '../rate-limit/rate-limit.guard.js';
import { RateLimitModule } from '../rate-limit/rate-limit.module.js';
import { IdentifyCallerGuard, RequireApiKeyGuard } from './api-key.guard.js';
import { ScopesGuard } from './scopes.guard.js';
import { SubscriptionGuard } from './subscription.guard.js';

/**
 * Global guards, run in this order on every route: identify the caller, rate limits, require a
 * key, subscription, scopes (idempotency, an interceptor, comes after all of them).
 * `authenticatorModule` must export an `Authenticator`.
 */
@Module({})
export class AuthModule {
  static register(authenticatorModule: Type): DynamicModule {
    return {
      module: AuthModule,
      imports: [authenticatorModule, RateLimitModule],
      providers: [
        { provide: APP_GUARD, useClass: IdentifyCallerGuard },
        { provide: APP_GUARD, useExisting: RateLimitGuard },
        { provide: APP_GUARD, useClass: RequireApiKeyGuard },
        { provide: APP_GUARD, useClass: SubscriptionGuard },
        { provide: APP_GUARD, useClass: ScopesGuard },
      ],
    };
  }
}
