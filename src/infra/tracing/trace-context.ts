import {
  context,
  propagation,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
} from '@opentelemetry/api';

/**
 * A trace's W3C headers (`traceparent`, and `tracestate` when there is one), kept where work is
 * handed on (a job's options, an outbox row) so whatever runs it later joins the same trace.
 */
export type TraceCarrier = Record<string, string>;

const tracer = trace.getTracer('media-api');

/**
 * The active trace as headers, or undefined outside a sampled trace, and always while tracing is off
 * (the API's no-op propagator writes nothing), so nothing is stored then.
 */
export function activeTraceCarrier(): TraceCarrier | undefined {
  const carrier: TraceCarrier = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent ? carrier : undefined;
}

/**
 * Runs `work` in a consumer span that continues the trace of `carrier` (a new trace without one),
 * recording a throw as the span's error. While tracing is off the API's tracer is a no-op.
 */
export function runInTrace<T>(
  name: string,
  carrier: TraceCarrier | undefined,
  attributes: Attributes,
  work: () => Promise<T>,
): Promise<T> {
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
}

/**
 * The active span's ids as log fields, under the names of OpenTelemetry's log data model (and of
 * its pino instrumentation), so a log line leads to its trace and a trace to its log lines.
 */
export function traceLogFields(): Record<string, string> {
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
}
