import type { LoggerOptions } from 'pino';
import type { AppConfig } from '../../config/app-config.js';
import { traceLogFields } from '../../infra/tracing/trace-context.js';

/** Signed upload URLs and presigned S3 URLs carry credentials in the query string. */
export function redactUrl(url: string): string {
  return url.replace(
    /([?&](?:signature|X-Amz-Signature|X-Amz-Credential|X-Amz-Security-Token)=)[^&]*/gi,
    '$1[redacted]',
  );
}

/**
 * Options of the root logger; the redaction applies to request logs and application logs alike.
 * With tracing on, every line written inside a span carries its `trace_id` and `span_id`.
 */
export function rootLoggerOptions(config: AppConfig): LoggerOptions {
  return {
    level: config.logLevel,
    ...(config.tracing && { mixin: traceLogFields }),
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers["x-api-key"]',
        'req.headers["soku-api-key"]',
        'req.headers["x-storage-events-secret"]',
        'req.headers.cookie',
        '*.accessToken',
        '*.secret',
        '*.*.accessToken',
        '*.*.secret',
      ],
      censor: '[redacted]',
    },
  };
}
