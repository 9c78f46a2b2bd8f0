import { loadConfig } from '../../config/app-config.js';
import { retryDelayMs } from './retry-schedule.js';

describe('retryDelayMs', () => {
  const delays = [5, 300, 1800];

  it('waits the configured delay after each failed attempt, ±20 %', () => {
    expect(retryDelayMs(1, delays, () => 0.5)).toBe(5_000);
    expect(retryDelayMs(1, delays, () => 0)).toBe(4_000);
    expect(retryDelayMs(1, delays, () => 0.999_999)).toBe(6_000);
    expect(retryDelayMs(2, delays, () => 0.5)).toBe(300_000);
    expect(retryDelayMs(3, delays, () => 0)).toBe(1_440_000);
  });

  it('gives up after the last delay', () => {
    expect(retryDelayMs(4, delays)).toBeNull();
  });

  it('spreads retries that fail together', () => {
    const spread = new Set(
      Array.from({ length: 50 }, () => retryDelayMs(2, delays)),
    );
    expect(spread.size).toBeGreaterThan(40);
  });
});

describe('webhook settings', () => {
  it('default to a 15 s timeout and the documented retry delays (about 3 days in all)', () => {
    const { webhooks } = loadConfig({});

    expect(webhooks).toEqual({
      timeoutSeconds: 15,
      retryDelaysSeconds: [
        5, 300, 1800, 7200, 18000, 36000, 50400, 72000, 86400,
      ],
    });
    const total = webhooks.retryDelaysSeconds.reduce((a, b) => a + b, 0);
    expect(total / 86_400).toBeCloseTo(3.15, 2);
  });

  it('parse the variables and name a bad one', () => {
    expect(
      loadConfig({
        WEBHOOK_TIMEOUT_SECONDS: '1',
        WEBHOOK_RETRY_DELAYS_SECONDS: '1,1,1',
      }).webhooks,
    ).toEqual({ timeoutSeconds: 1, retryDelaysSeconds: [1, 1, 1] });
    expect(() =>
      loadConfig({ WEBHOOK_RETRY_DELAYS_SECONDS: '5, soon' }),
    ).toThrow(
      'WEBHOOK_RETRY_DELAYS_SECONDS must be 1 to 20 comma-separated whole numbers of seconds (got "5, soon")',
    );
    expect(() => loadConfig({ WEBHOOK_TIMEOUT_SECONDS: '0' })).toThrow(
      'WEBHOOK_TIMEOUT_SECONDS must not be less than 1 (got "0")',
    );
  });
});
