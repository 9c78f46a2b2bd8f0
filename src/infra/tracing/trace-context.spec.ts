import {
  activeTraceCarrier,
  runInTrace,
  traceLogFields,
} from './trace-context.js';

describe('trace context while tracing is off', () => {
  it('hands on no trace, logs no ids and runs the work alone', async () => {
    expect(activeTraceCarrier()).toBeUndefined();
    expect(traceLogFields()).toEqual({});
    await expect(
      runInTrace('process media-processing', undefined, {}, () =>
        Promise.resolve('done'),
      ),
    ).resolves.toBe('done');
  });
});
