import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { AppConfig } from '../../config/app-config.js';

const CLIENT_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Echoes a well-formed client `X-Request-Id`, otherwise mints one; either way it is on the response. */
export function assignRequestId(
  request: IncomingMessage,
  response: ServerResponse,
): string {
  const incoming = request.headers['x-request-id'];
  const id =
    typeof incoming === 'string' && CLIENT_REQUEST_ID.test(incoming)
      ? incoming
      : `req_${randomUUID()}`;
  response.setHeader('X-Request-Id', id);
  return id;
}

/** Signed upload URLs and presigned S3 URLs carry credentials in the query string. */
export function redactUrl(url: string): string {
  return url.replace(
    /([?&](?:signature|X-Amz-Signature|X-Amz-Credential|X-Amz-Security-Token)=)[^&]*/gi,
    '$1[redacted]',
  );
}

export function loggerOptions(config: AppConfig): Params {
  return {
    pinoHttp: {
      level: config.logLevel,
      genReqId: assignRequestId,
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
          headers: request.headers,
        }),
      },
      autoLogging: {
        ignore: (request) => request.url?.startsWith('/health') ?? false,
      },
      customLogLevel: (_request, response, error) =>
        error || response.statusCode >= 500
          ? 'error'
          : response.statusCode >= 400
            ? 'warn'
            : 'info',
    },
  };
}
