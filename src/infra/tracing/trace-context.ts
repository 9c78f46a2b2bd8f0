import type { Attributes } from '@opentelemetry/api';

/**
 * A trace's W3C headers (`traceparent`, and `tracestate` when there is one), kept where work is
 * handed on (a job's options, an outbox row) so whatever runs it later joins the same trace.
 */
export type TraceCarrier = Record<string, string>;

/** What tracing does where work is handed on and where lines are logged (OpenTelemetry's API). */
export interface TraceContext {
  activeCarrier(): TraceCarrier | undefined;
  run<T>(
    name: string,
    carrier: TraceCarrier | undefined,
    attributes: Attributes,
    work: () => Promise<T>,
  ): Promise<T>;
  logFields(): Record<string, string>;
}

/**
 * Installed by startTracing before the application is imported. The application calls only the
 * functions below, so while tracing is off it calls into no part of OpenTelemetry (not even the
 * API's no-op tracer) and each call costs one check.
 */
let installed: TraceContext | undefined;

export function installTraceContext(traceContext: TraceContext): void {
  installed = traceContext;
}

/** The active trace as headers; undefined outside a trace and while tracing is off. */
export function activeTraceCarrier(): TraceCarrier | undefined {
  return installed?.activeCarrier();
}

/**
 * Runs `work` in a consumer span that continues the trace of `carrier` (a new trace without one),
 * recording a throw as the span's error; while tracing is off, runs `work` alone.
 */
export function runInTrace<T>(
  name: string,
  carrier: TraceCarrier | undefined,
  attributes: Attributes,
  work: () => Promise<T>,
): Promise<T> {
  return installed ? installed.run(name, carrier, attributes, work) : work();
}

/** The active span's ids as log fields (a pino mixin; installed only with tracing on). */
export function traceLogFields(): Record<string, string> {
  return installed?.logFields() ?? {};
}
