import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LoggerOptions } from 'pino';
import type { Options } from 'pino-http';
import type { AppConfig } from '../../config/app-config.js';

/** Signed upload URLs and presigned S3 URLs carry credentials in the query string. */
export function redactUrl(url: string): string {
  return url.replace(
    /([?&](?:signature|X-Amz-Signature|X-Amz-Credential|X-Amz-Security-Token)=)[^&]*/gi,
    '$1[redacted]',
  );
}

/** Options of the root logger; the redaction applies to request logs and application logs alike. */
export function rootLoggerOptions(config: AppConfig): LoggerOptions {
  return {
    level: config.logLevel,
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

/**
 * The request headers worth a line: who called and what they sent. Credentials never reach the log
 * this way (redaction stays as a second guard), and each line stays small, which matters on the
 * hot path: the line is serialised for every request.
 */
const LOGGED_REQUEST_HEADERS = [
  'user-agent',
  'content-type',
  'content-length',
  'x-forwarded-for',
  'idempotency-key',
];

/**
 * Request logging on top of the root logger. Lines logged while a request is handled carry only
 * its `reqId`; the one line logged when it completes carries the request and response.
 */
export const httpLoggerOptions: Options<IncomingMessage, ServerResponse> = {
  quietReqLogger: true,
  serializers: {
    req: (request: {
      id: string;
      method: string;
      url: string;
      headers: Record<string, unknown>;
    }) => ({
      id: request.id,
      method: request.method,
      url: redactUrl(request.url),
      headers: Object.fromEntries(
        LOGGED_REQUEST_HEADERS.filter(
          (name) => request.headers[name] !== undefined,
        ).map((name) => [name, request.headers[name]]),
      ),
    }),
    // The response headers are the same security headers on every line; the id is in `reqId`.
    res: (response: { statusCode: number }) => ({
      statusCode: response.statusCode,
    }),
  },
  // Probes call these every few seconds; a line each would drown the log.
  autoLogging: {
    ignore: (request) => request.url?.startsWith('/health') ?? false,
  },
  customLogLevel: (_request, response, error) =>
    error || response.statusCode >= 500
      ? 'error'
      : response.statusCode >= 400
        ? 'warn'
        : 'info',
};
