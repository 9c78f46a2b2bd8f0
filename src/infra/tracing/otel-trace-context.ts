import {
  context,
  propagation,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';
import type { TraceCarrier, TraceContext } from './trace-context.js';

const tracer = trace.getTracer('media-api');

/** TraceContext on OpenTelemetry's API, with the SDK that startTracing registered behind it. */
export const otelTraceContext: TraceContext = {
  activeCarrier() {
    const carrier: TraceCarrier = {};
    propagation.inject(context.active(), carrier);
    return carrier.traceparent ? carrier : undefined;
  },

  run(name, carrier, attributes, work) {
    const parent = carrier
      ? propagation.extract(context.active(), carrier)
      : context.active();
    return tracer.startActiveSpan(
      name,
      { kind: SpanKind.CONSUMER, attributes },
      parent,
      async (span) => {
        try {
          return await work();
        } catch (error) {
          span.recordException(error as Error);
          span.setStatus({ code: SpanStatusCode.ERROR });
          throw error;
        } finally {
          span.end();
        }
      },
    );
  },

  /**
   * Under the names of OpenTelemetry's log data model (and of its pino instrumentation), so log
   * tooling links a line to its trace.
   */
  logFields(): Record<string, string> {
    const span = trace.getActiveSpan();
    if (!span) {
      return {};
    }
    const { traceId, spanId, traceFlags } = span.spanContext();
    return {
      trace_id: traceId,
      span_id: spanId,
      trace_flags: traceFlags.toString(16).padStart(2, '0'),
    };
  },
};
