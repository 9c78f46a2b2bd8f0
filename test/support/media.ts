import type { INestApplication } from '@nestjs/common';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { MediaApiClient } from '../../client/index.js';
import type { components } from '../../client/schema.js';

export type MediaObject = components['schemas']['MediaDto'];
export type UploadContentType =
  components['schemas']['CreateUploadDto']['contentType'];

/** A committed fixture from test/fixtures (see its README). */
export function fixture(name: string): Promise<Buffer> {
  return readFile(join(import.meta.dirname, '..', 'fixtures', name));
}

/** POST /v1/media/upload for `bytes`, asserting the 201. */
export async function requestUpload(
  client: MediaApiClient,
  filename: string,
  contentType: UploadContentType,
  bytes: Buffer,
) {
  const { data, response, error } = await client.POST('/v1/media/upload', {
    body: { filename, contentType, sizeBytes: bytes.length },
  });
  if (response.status !== 201) {
    throw new Error(
      `upload request failed with ${response.status}: ${JSON.stringify(error)}`,
    );
  }
  return data!;
}

/** The lifecycle events recorded for an item, oldest first. */
export async function mediaEventTypes(
  app: INestApplication,
  mediaId: string,
): Promise<string[]> {
  const rows: Array<{ type: string }> = await app
    .get(DataSource)
    .query(
      'SELECT type FROM media_events WHERE media_id = $1 ORDER BY created_at, id',
      [mediaId],
    );
  return rows.map((row) => row.type);
}

/** PUTs bytes to an upload URL exactly as a client following `uploadHeaders` would. */
export async function putBytes(
  url: string,
  headers: Record<string, string>,
  body: Uint8Array,
): Promise<Response> {
  return fetch(url, { method: 'PUT', headers, body: new Uint8Array(body) });
}

/** Polls GET /v1/media/:id until the item reaches one of `statuses`. */
export async function waitForStatus(
  client: MediaApiClient,
  mediaId: string,
  statuses: Array<MediaObject['status']> = ['READY', 'FAILED'],
  timeoutMs = 20_000,
): Promise<MediaObject> {
  const deadline = Date.now() + timeoutMs;
  let last: MediaObject | undefined;
  while (Date.now() < deadline) {
    const { data } = await client.GET('/v1/media/{id}', {
      params: { path: { id: mediaId } },
    });
    last = data;
    if (data && statuses.includes(data.status)) {
      return data;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(
    `media ${mediaId} did not reach ${statuses.join('/')} (last: ${last?.status})`,
  );
}

export const SAMPLE_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

export const SAMPLE_VTT = Buffer.from(
  'WEBVTT\n\n00:00:00.000 --> 00:00:01.500\nHello there\n',
);
