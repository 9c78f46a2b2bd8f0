import { createConfig, lint } from '@redocly/openapi-core';
import { resolve } from 'node:path';

/**
 * The committed OpenAPI document passes Redocly's recommended rules with no error and no warning.
 * Two rules are off: `operation-4xx-response` asks every operation for a 4xx answer, and the
 * liveness and readiness probes have none to give; `no-server-example.com` refuses a localhost
 * server, and the committed document is the one a local `npm start` serves (a deployment's
 * `/docs-json` names its own PUBLIC_BASE_URL).
 */
describe('openapi.json lint', () => {
  it('has no errors and no warnings under the recommended rules', async () => {
    const config = await createConfig({
      extends: ['recommended'],
      rules: {
        'operation-4xx-response': 'off',
        'no-server-example.com': 'off',
      },
    });
    const problems = await lint({
      ref: resolve(import.meta.dirname, '..', 'openapi.json'),
      config,
    });
    expect(
      problems.map(
        (problem) =>
          `${problem.severity} ${problem.ruleId}: ${problem.message} at ${problem.location[0]?.pointer}`,
      ),
    ).toEqual([]);
  });
});
