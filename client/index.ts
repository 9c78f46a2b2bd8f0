import createClient, { type Client } from 'openapi-fetch';
import type { paths } from './schema.js';

export type { components, operations, paths } from './schema.js';

/** Which of the three accepted headers carries the API key. */
export type ApiKeyHeader = 'authorization' | 'x-api-key' | 'soku-api-key';

export interface MediaApiClientOptions {
  baseUrl: string;
  apiKey?: string;
  apiKeyHeader?: ApiKeyHeader;
  headers?: Record<string, string>;
}

export type MediaApiClient = Client<paths>;

/** A typed client for the Media API, generated from the committed OpenAPI document. */
export function createMediaApiClient(
  options: MediaApiClientOptions,
): MediaApiClient {
  const headers: Record<string, string> = { ...options.headers };
  if (options.apiKey !== undefined) {
    const header = options.apiKeyHeader ?? 'authorization';
    headers[header === 'authorization' ? 'Authorization' : header] =
      header === 'authorization' ? `Bearer ${options.apiKey}` : options.apiKey;
  }
  return createClient<paths>({ baseUrl: options.baseUrl, headers });
}
