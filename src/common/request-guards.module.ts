import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import {
  IdentifyCallerGuard,
  RequireApiKeyGuard,
} from './auth/api-key.guard.js';
import { ScopesGuard } from './auth/scopes.guard.js';
import { SubscriptionGuard } from './auth/subscription.guard.js';
import { RateLimitGuard } from './rate-limit/rate-limit.guard.js';
import { RateLimitModule } from './rate-limit/rate-limit.module.js';

/**
 * The global guards, run in this order on every route: identify the caller, rate limits (which
 * need to know the caller's tier), require a key, subscription, scopes (idempotency, an
 * interceptor, comes after all of them). `authenticatorModule` must export an `Authenticator`.
 */
@Module({})
export class RequestGuardsModule {
  static register(authenticatorModule: Type): DynamicModule {
    return {
      module: RequestGuardsModule,
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
