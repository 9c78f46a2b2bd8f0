import { SetMetadata } from '@nestjs/common';

export const DERIVES_IDEMPOTENCY_KEY = 'idempotency:derive-key';

/**
 * Without an `Idempotency-Key` header, the key is derived from the workspace, the route and a
 * canonical hash of the body, so the same request sent twice runs once (POST /v1/media and the
 * template routes, SPEC §7).
 */
export const DerivesIdempotencyKey = () =>
  SetMetadata(DERIVES_IDEMPOTENCY_KEY, true);
