import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import {
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { otelTraceContext } from './otel-trace-context.js';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const PARENT_ID = '00f067aa0ba902b7';

describe('otelTraceContext', () => {
  const exported = new InMemorySpanExporter();
  const provider = new NodeTracerProvider({
    spanProcessors: [new SimpleSpanProcessor(exported)],
  });

  beforeAll(() => provider.register());
  afterEach(() => exported.reset());
  afterAll(() => provider.shutdown());

  it('continues the trace a carrier names, and hands it on from inside', async () => {
    const inside = await otelTraceContext.run(
      'process media-processing',
      { traceparent: `00-${TRACE_ID}-${PARENT_ID}-01` },
      { 'messaging.destination.name': 'media-processing' },
      () =>
        Promise.resolve({
          carrier: otelTraceContext.activeCarrier(),
          log: otelTraceContext.logFields(),
        }),
    );

    const [span] = exported.getFinishedSpans();
    expect(span).toMatchObject({
      name: 'process media-processing',
      kind: SpanKind.CONSUMER,
      attributes: { 'messaging.destination.name': 'media-processing' },
    });
    expect(span.spanContext().traceId).toBe(TRACE_ID);
    expect(span.parentSpanContext?.spanId).toBe(PARENT_ID);
    const spanId = span.spanContext().spanId;
    expect(inside.carrier).toEqual({
      traceparent: `00-${TRACE_ID}-${spanId}-01`,
    });
    expect(inside.log).toEqual({
      trace_id: TRACE_ID,
      span_id: spanId,
      trace_flags: '01',
    });
  });

  it('starts a trace of its own without a carrier', async () => {
    await otelTraceContext.run('process webhook-delivery', undefined, {}, () =>
      Promise.resolve(),
    );
    const [span] = exported.getFinishedSpans();
    expect(span.parentSpanContext).toBeUndefined();
    expect(span.spanContext().traceId).not.toBe(TRACE_ID);
  });

  it('records a throw as the span’s error and passes it on', async () => {
    await expect(
      otelTraceContext.run('process media-renditions', undefined, {}, () =>
        Promise.reject(new Error('ffmpeg exited 1')),
      ),
    ).rejects.toThrow('ffmpeg exited 1');
    const [span] = exported.getFinishedSpans();
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.events.map((event) => event.name)).toEqual(['exception']);
  });

  it('has nothing to hand on or log outside a span', () => {
    expect(otelTraceContext.activeCarrier()).toBeUndefined();
    expect(otelTraceContext.logFields()).toEqual({});
  });
});
