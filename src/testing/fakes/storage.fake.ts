import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  Storage,
  StorageObjectNotFoundError,
  type AssembledObject,
  type ByteRange,
  type PresignedMultipartUpload,
  type PresignedUpload,
  type StoredObjectInfo,
  type WriteObjectInput,
} from '../../infra/storage/storage.port.js';

/** Object storage in memory: bytes by key, without upload URLs (those calls throw). */
export class FakeStorage extends Storage {
  readonly objects = new Map<string, { body: Buffer; contentType: string }>();
  readonly deleted: string[] = [];
  readonly written: string[] = [];

  put(
    key: string,
    body: Buffer | string,
    contentType = 'application/octet-stream',
  ) {
    this.objects.set(key, { body: Buffer.from(body), contentType });
  }

  presignUpload(): Promise<PresignedUpload> {
    throw new Error('FakeStorage does not sign uploads');
  }
  presignMultipartUpload(): Promise<PresignedMultipartUpload> {
    throw new Error('FakeStorage does not sign uploads');
  }
  assembleMultipartUpload(): Promise<AssembledObject> {
    throw new Error('FakeStorage does not assemble uploads');
  }
  async abortMultipartUpload(): Promise<void> {}

  async sha256(key: string): Promise<string> {
    return createHash('sha256').update(this.get(key).body).digest('hex');
  }

  async head(key: string): Promise<StoredObjectInfo | null> {
    const object = this.objects.get(key);
    return object
      ? {
          key,
          sizeBytes: object.body.length,
          contentType: object.contentType,
          etag: null,
          lastModified: null,
        }
      : null;
  }

  async openReadStream(key: string, range?: ByteRange): Promise<Readable> {
    const { body } = this.get(key);
    const bytes = range
      ? body.subarray(
          range.start,
          range.end === undefined ? undefined : range.end + 1,
        )
      : body;
    return Readable.from([bytes]);
  }

  async write({
    key,
    body,
    contentType,
  }: WriteObjectInput): Promise<StoredObjectInfo> {
    const chunks: Buffer[] = [];
    for await (const chunk of body) chunks.push(Buffer.from(chunk as Buffer));
    this.put(key, Buffer.concat(chunks), contentType);
    this.written.push(key);
    return (await this.head(key))!;
  }

  async delete(key: string): Promise<void> {
    this.objects.delete(key);
    this.deleted.push(key);
  }

  publicUrl(key: string): string {
    return `https://cdn.test/${key}`;
  }

  async probeLocation(key: string): Promise<string> {
    this.get(key);
    return `memory://${key}`;
  }

  async checkHealth(): Promise<void> {}

  private get(key: string) {
    const object = this.objects.get(key);
    if (!object) throw new StorageObjectNotFoundError(key);
    return object;
  }
}
