import { register } from 'node:module';
import {
  ExpressLayerType,
  ExpressInstrumentation,
} from '@opentelemetry/instrumentation-express';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import {
  defaultResource,
  detectResources,
  envDetector,
  hostDetector,
  resourceFromAttributes,
} from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { createAddHookMessageChannel } from 'import-in-the-middle';
import {
  register as registerSyncHooks,
  supportsSyncHooks,
} from 'import-in-the-middle/register-hooks.mjs';
import type { IncomingMessage } from 'node:http';
import type { OtlpProtocol } from '../../config/app-config.js';
import { otelTraceContext } from './otel-trace-context.js';
import { installTraceContext } from './trace-context.js';

/** Probes and scrapes arrive every few seconds and say nothing about the work a trace follows. */
const UNTRACED_PATHS = /^\/(health(\/|$)|metrics$)/;

let provider: NodeTracerProvider | undefined;

/**
 * Starts OpenTelemetry tracing for this process. It must run before Express, pg, ioredis and
 * undici are first imported: the instrumentations patch those modules as they load, through
 * require-in-the-middle for CommonJS requires and import-in-the-middle's loader hook for ESM imports
 * (this application imports them from ESM). The hook wraps only the modules an instrumentation
 * asked for (their names reach it over the message channel), not every module of Nest.
 *
 * The SDK reads the rest of its configuration from the standard OTEL_* variables: endpoint,
 * headers, timeout, OTEL_SERVICE_NAME, OTEL_RESOURCE_ATTRIBUTES, OTEL_TRACES_SAMPLER, OTEL_BSP_*.
 * W3C `traceparent`/`tracestate` and baggage are propagated in and out.
 */
export async function startTracing(settings: {
  protocol: OtlpProtocol;
}): Promise<void> {
  const { registerOptions, waitForAllMessagesAcknowledged } =
    createAddHookMessageChannel();
  // In-thread hooks where Node runs them correctly (22.22.3+, 24.11.1+, 26): `module.register`
  // loads through a second thread, and is deprecated from Node 26 on.
  if (supportsSyncHooks()) {
    registerSyncHooks(registerOptions.data);
  } else {
    register('import-in-the-middle/hook.mjs', import.meta.url, registerOptions);
  }

  provider = new NodeTracerProvider({
    resource: defaultResource()
      .merge(resourceFromAttributes({ 'service.name': 'media-api' }))
      .merge(detectResources({ detectors: [envDetector, hostDetector] })),
    spanProcessors: [new BatchSpanProcessor(await exporterFor(settings))],
  });
  provider.register();
  installTraceContext(otelTraceContext);
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request: IncomingMessage) =>
          UNTRACED_PATHS.test(request.url ?? ''),
      }),
      // Route handlers name the request span (`POST /v1/media/upload`); a span for each of the
      // dozen middlewares every request passes would only bury the work.
      new ExpressInstrumentation({
        ignoreLayersType: [ExpressLayerType.MIDDLEWARE],
      }),
      // The periodic passes query PostgreSQL and Bull polls Redis every second: outside a request
      // or a job those would each be a trace of their own.
      new PgInstrumentation({ requireParentSpan: true }),
      new IORedisInstrumentation({ requireParentSpan: true }),
      new UndiciInstrumentation(),
    ],
  });
  await waitForAllMessagesAcknowledged();
}

/** Sends the spans still buffered (the batch processor exports every few seconds) and stops. */
export async function stopTracing(): Promise<void> {
  await provider?.shutdown();
}

async function exporterFor(settings: {
  protocol: OtlpProtocol;
}): Promise<SpanExporter> {
  if (settings.protocol === 'http/json') {
    const { OTLPTraceExporter } =
      await import('@opentelemetry/exporter-trace-otlp-http');
    return new OTLPTraceExporter();
  }
  const { OTLPTraceExporter } =
    await import('@opentelemetry/exporter-trace-otlp-proto');
  return new OTLPTraceExporter();
}
