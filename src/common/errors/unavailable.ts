const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  // PostgreSQL: admin shutdown, cannot connect now, connection failures.
  '57P01',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08006',
]);

const UNAVAILABLE_MESSAGES = [
  'Connection terminated',
  'Connection is closed',
  'Reached the max retries per request limit',
  'timeout exceeded when trying to connect',
];

/** True when an error means PostgreSQL or Redis could not be reached (answered 503, not 500). */
export function isInfrastructureUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) {
    return false;
  }
  const withCode = error as Error & { code?: unknown; driverError?: unknown };
  if (
    typeof withCode.code === 'string' &&
    UNAVAILABLE_CODES.has(withCode.code)
  ) {
    return true;
  }
  if (
    UNAVAILABLE_MESSAGES.some((fragment) => error.message.includes(fragment))
  ) {
    return true;
  }
  return (
    withCode.driverError !== undefined &&
    isInfrastructureUnavailable(withCode.driverError)
  );
}
