export class HealthDto {
  /** @example "ok" */
  status: 'ok';
  /** Each dependency checked, all `up` on a 200. */
  checks: Record<string, 'up'>;
}
