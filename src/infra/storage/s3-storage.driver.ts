import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
  UploadPartCommand,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { OnApplicationShutdown } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { planParts } from './multipart-plan.js';
import { assertValidObjectKey, encodeObjectKeyPath } from './object-key.js';
import {
  assertValidUploadLifetime,
  readUploadLength,
  type PresignMultipartInput,
  type PresignUploadInput,
} from './presign-input.js';
import { contentDisposition, fileCacheControl } from './served-headers.js';
import {
  MultipartPartsRejectedError,
  Storage,
  StorageObjectNotFoundError,
  type AssembledObject,
  type ByteRange,
  type CompleteMultipartInput,
  type PresignedMultipartUpload,
  type PresignedUpload,
  type StoredObjectInfo,
  type WriteObjectInput,
} from './storage.port.js';

export interface S3StorageDriverOptions {
  /** Custom endpoint for S3-compatible services (MinIO, R2, s3rver); omit for AWS. */
  endpoint?: string;
  region: string;
  bucket: string;
  /** Both or neither; without them the SDK's default credential chain applies. */
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle: boolean;
  /** Base of public object URLs (a CDN); defaults to the bucket's own URL. */
  publicBaseUrl?: string;
  /** Require SSE-S3 (AES256) on every object, including browser uploads. Default true. */
  serverSideEncryption?: boolean;
  /** `max-age` of the `Cache-Control` every published object carries. */
  cacheMaxAgeSeconds: number;
  /** Larger objects are published by a streamed copy; CopyObject takes at most 5 GiB on AWS. */
  maxCopyObjectBytes?: number;
}

/**
 * Client uploads land under this prefix, which the bucket policy keeps private (README: S3). No
 * item key starts with it: item keys start with a `ws_` workspace id.
 */
const UPLOAD_AREA_PREFIX = 'staging/';
const MAX_COPY_OBJECT_BYTES = 5 * 1024 ** 3;

const PROBE_URL_SECONDS = 60 * 60;
/** lib-storage streams in parts of this size, holding at most `queueSize` of them in memory. */
const MULTIPART_PART_BYTES = 8 * 1024 * 1024;
const MULTIPART_QUEUE_SIZE = 4;

function isNotFound(error: unknown): boolean {
  return (
    error instanceof S3ServiceException &&
    (error.name === 'NoSuchKey' ||
      error.name === 'NotFound' ||
      error.$metadata.httpStatusCode === 404)
  );
}

/** S3's answers to a CompleteMultipartUpload whose part list does not match the upload's parts. */
const REJECTED_COMPLETION_ERRORS = new Set([
  'InvalidPart',
  'InvalidPartOrder',
  'EntityTooSmall',
  'NoSuchUpload',
]);

function hexToBase64(hex: string): string {
  return Buffer.from(hex, 'hex').toString('base64');
}

function defaultPublicBaseUrl(options: S3StorageDriverOptions): string {
  const { endpoint, region, bucket, forcePathStyle } = options;
  if (!endpoint) {
    return forcePathStyle
      ? `https://s3.${region}.amazonaws.com/${bucket}`
      : `https://${bucket}.s3.${region}.amazonaws.com`;
  }
  const url = new URL(endpoint);
  const path = url.pathname.replace(/\/+$/, '');
  return forcePathStyle
    ? `${url.origin}${path}/${bucket}`
    : `${url.protocol}//${bucket}.${url.host}${path}`;
}

/**
 * Any S3-compatible bucket. Uploads go straight from the client to the bucket through presigned
 * URLs, into a private upload area (`staging/<key>`); processing publishes verified bytes to the
 * item's key with the headers `/files` would send, and a CDN serves the item keys.
 * The SDK client is released in `onApplicationShutdown`, after every module's `onModuleDestroy`
 * (where job loops stop and let running jobs finish), so no running job loses it mid-download.
 */
export class S3StorageDriver extends Storage implements OnApplicationShutdown {
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly publicBaseUrl: string;
  private readonly serverSideEncryption: boolean;
  private readonly cacheControl: string;
  private readonly maxCopyObjectBytes: number;

  constructor(options: S3StorageDriverOptions) {
    super();
    const { accessKeyId, secretAccessKey } = options;
    if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
      throw new Error(
        'S3 credentials need both an access key id and a secret access key, or neither',
      );
    }
    const config: S3ClientConfig = {
      region: options.region,
      endpoint: options.endpoint,
      forcePathStyle: options.forcePathStyle,
      credentials:
        accessKeyId && secretAccessKey
          ? { accessKeyId, secretAccessKey }
          : undefined,
      // The SDK's default (WHEN_SUPPORTED) bakes a CRC32 of the *empty* body into presigned PUT
      // URLs, which real S3 then rejects for any real upload, and wraps stream bodies in
      // aws-chunked framing that some S3-compatible servers (s3rver among them) store verbatim
      // inside the object. Checksums only where an operation requires them avoids both.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    };
    this.client = new S3Client(config);
    this.bucket = options.bucket;
    this.publicBaseUrl = (
      options.publicBaseUrl ?? defaultPublicBaseUrl(options)
    ).replace(/\/+$/, '');
    this.serverSideEncryption = options.serverSideEncryption ?? true;
    this.cacheControl = fileCacheControl(options.cacheMaxAgeSeconds);
    this.maxCopyObjectBytes =
      options.maxCopyObjectBytes ?? MAX_COPY_OBJECT_BYTES;
  }

  override uploadAreaKey(key: string): string {
    assertValidObjectKey(key);
    return `${UPLOAD_AREA_PREFIX}${key}`;
  }

  override keyOfUploadArea(objectKey: string): string | null {
    return objectKey.startsWith(UPLOAD_AREA_PREFIX)
      ? objectKey.slice(UPLOAD_AREA_PREFIX.length)
      : null;
  }

  /** A copy inside the bucket, its metadata replaced; a streamed one past CopyObject's limit. */
  override async publish(
    from: string,
    to: string,
    contentType: string,
  ): Promise<StoredObjectInfo> {
    assertValidObjectKey(from);
    assertValidObjectKey(to);
    const source = await this.head(from);
    if (!source) {
      throw new StorageObjectNotFoundError(from);
    }
    if (source.sizeBytes > this.maxCopyObjectBytes) {
      return super.publish(from, to, contentType);
    }
    await this.client.send(
      new CopyObjectCommand({
        Bucket: this.bucket,
        Key: to,
        CopySource: `${this.bucket}/${encodeObjectKeyPath(from)}`,
        MetadataDirective: 'REPLACE',
        ...this.objectHeaders(to, contentType),
      }),
    );
    await this.delete(from);
    const stored = await this.head(to);
    if (!stored) {
      throw new Error(
        `S3 copied ${from} to ${to} but HeadObject does not find it`,
      );
    }
    return stored;
  }

  /** What every object at an item key carries, so the bucket or CDN serves it as `/files` would. */
  private objectHeaders(key: string, contentType: string) {
    return {
      ContentType: contentType,
      ContentDisposition: contentDisposition(key, contentType),
      CacheControl: this.cacheControl,
      ServerSideEncryption: this.serverSideEncryption
        ? ('AES256' as const)
        : undefined,
    };
  }

  /**
   * A SigV4 query-signed PUT URL to the key's upload area. Content-Type, Content-Length (for an exact-length upload) and,
   * when enabled, the SSE header are signed headers, so S3 refuses a PUT with another type,
   * another byte length or without encryption. The returned headers omit Content-Length on
   * purpose: HTTP clients (browsers' fetch/XHR, which forbid setting it, undici, curl) derive it
   * from the body, and that derived value is exactly what the signature checks. S3 needs a sized
   * body for a PUT anyway, so chunked streaming uploads are not an option with either form.
   */
  async presignUpload(input: PresignUploadInput): Promise<PresignedUpload> {
    assertValidObjectKey(input.key);
    assertValidUploadLifetime(input.expiresInSeconds);
    const length = readUploadLength(input);
    // X-Amz-Date has whole seconds; sign at a whole second so expiresAt is exact.
    const signingDate = new Date(Math.floor(Date.now() / 1000) * 1000);
    const command = new PutObjectCommand({
      Bucket: this.bucket,
      Key: this.uploadAreaKey(input.key),
      ContentType: input.contentType,
      // A bounded length cannot be signed into a PUT; the size is checked once the bytes are stored.
      ContentLength: length.kind === 'exact' ? length.bytes : undefined,
      ServerSideEncryption: this.serverSideEncryption ? 'AES256' : undefined,
      // Signed as a header, so S3 refuses a body whose SHA-256 is not the one the client declared.
      ChecksumSHA256: input.sha256 ? hexToBase64(input.sha256) : undefined,
    });
    const url = await getSignedUrl(this.client, command, {
      expiresIn: input.expiresInSeconds,
      signingDate,
      // The presigner leaves content-type unsigned by default; naming it here overrides that.
      signableHeaders: new Set([
        'content-type',
        'content-length',
        'x-amz-server-side-encryption',
        'x-amz-checksum-sha256',
      ]),
      // Left in the query, the checksum would be signed but not sent as the header S3 checks.
      unhoistableHeaders: new Set(['x-amz-checksum-sha256']),
    });
    const headers: Record<string, string> = {
      'Content-Type': input.contentType,
    };
    if (this.serverSideEncryption) {
      headers['x-amz-server-side-encryption'] = 'AES256';
    }
    if (input.sha256) {
      headers['x-amz-checksum-sha256'] = hexToBase64(input.sha256);
    }
    return {
      url,
      method: 'PUT',
      headers,
      expiresAt: new Date(
        signingDate.getTime() + input.expiresInSeconds * 1000,
      ),
    };
  }

  /**
   * CreateMultipartUpload (type and encryption are fixed there), then one presigned UploadPart URL
   * per part with its Content-Length signed when the total is exact. A bounded plan's parts cannot
   * carry a signed maximum; processing checks the assembled size.
   */
  async presignMultipartUpload(
    input: PresignMultipartInput,
  ): Promise<PresignedMultipartUpload> {
    assertValidObjectKey(input.key);
    assertValidUploadLifetime(input.expiresInSeconds);
    const uploadId =
      input.uploadId ??
      (
        await this.client.send(
          new CreateMultipartUploadCommand({
            Bucket: this.bucket,
            Key: this.uploadAreaKey(input.key),
            ContentType: input.contentType,
            ServerSideEncryption: this.serverSideEncryption
              ? 'AES256'
              : undefined,
          }),
        )
      ).UploadId;
    if (!uploadId) {
      throw new Error(`CreateMultipartUpload for ${input.key} returned no id`);
    }
    const signingDate = new Date(Math.floor(Date.now() / 1000) * 1000);
    const parts = await Promise.all(
      planParts(input.length, input.partSizeBytes).map(async (part) => ({
        partNumber: part.partNumber,
        url: await getSignedUrl(
          this.client,
          new UploadPartCommand({
            Bucket: this.bucket,
            Key: this.uploadAreaKey(input.key),
            UploadId: uploadId,
            PartNumber: part.partNumber,
            ContentLength:
              input.length.kind === 'exact' ? part.sizeBytes : undefined,
          }),
          {
            expiresIn: input.expiresInSeconds,
            signingDate,
            signableHeaders: new Set(['content-length']),
          },
        ),
        headers: {},
        sizeBytes: part.sizeBytes,
      })),
    );
    return {
      uploadId,
      parts,
      expiresAt: new Date(
        signingDate.getTime() + input.expiresInSeconds * 1000,
      ),
    };
  }

  /** The bucket checks the part list itself, when `commit` completes the upload. */
  async assembleMultipartUpload(
    input: CompleteMultipartInput,
  ): Promise<AssembledObject> {
    const key = this.uploadAreaKey(input.key);
    return {
      commit: async () => {
        try {
          await this.client.send(
            new CompleteMultipartUploadCommand({
              Bucket: this.bucket,
              Key: key,
              UploadId: input.uploadId,
              MultipartUpload: {
                Parts: input.parts.map((part) => ({
                  PartNumber: part.partNumber,
                  ETag: part.etag,
                })),
              },
            }),
          );
        } catch (error) {
          if (
            error instanceof S3ServiceException &&
            REJECTED_COMPLETION_ERRORS.has(error.name)
          ) {
            throw new MultipartPartsRejectedError(error.message);
          }
          throw error;
        }
        const stored = await this.head(key);
        if (!stored) {
          throw new Error(
            `S3 completed ${key} but HeadObject does not find it`,
          );
        }
        return stored;
      },
      discard: async () => undefined,
    };
  }

  async abortMultipartUpload(key: string, uploadId: string): Promise<void> {
    try {
      await this.client.send(
        new AbortMultipartUploadCommand({
          Bucket: this.bucket,
          Key: this.uploadAreaKey(key),
          UploadId: uploadId,
        }),
      );
    } catch (error) {
      if (error instanceof S3ServiceException && error.name === 'NoSuchUpload')
        return;
      throw error;
    }
  }

  /**
   * Read and hashed here: S3's own checksums are per part for multipart objects, and absent
   * unless the uploader sent one.
   */
  async sha256(key: string): Promise<string> {
    const hash = createHash('sha256');
    for await (const chunk of await this.openReadStream(key)) {
      hash.update(chunk as Buffer);
    }
    return hash.digest('hex');
  }

  async head(key: string): Promise<StoredObjectInfo | null> {
    assertValidObjectKey(key);
    try {
      const object = await this.client.send(
        new HeadObjectCommand({ Bucket: this.bucket, Key: key }),
      );
      return {
        key,
        sizeBytes: object.ContentLength ?? 0,
        contentType: object.ContentType ?? null,
        etag: object.ETag ?? null,
        lastModified: object.LastModified ?? null,
      };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async openReadStream(key: string, range?: ByteRange): Promise<Readable> {
    assertValidObjectKey(key);
    const rangeHeader = range
      ? `bytes=${range.start}-${range.end ?? ''}`
      : undefined;
    try {
      const object = await this.client.send(
        new GetObjectCommand({
          Bucket: this.bucket,
          Key: key,
          Range: rangeHeader,
        }),
      );
      if (!(object.Body instanceof Readable)) {
        throw new Error(`GetObject for ${key} returned no Node.js stream`);
      }
      return object.Body;
    } catch (error) {
      if (isNotFound(error)) throw new StorageObjectNotFoundError(key);
      throw error;
    }
  }

  /** Streams through lib-storage's multipart upload, so memory stays bounded whatever the size. */
  async write(input: WriteObjectInput): Promise<StoredObjectInfo> {
    assertValidObjectKey(input.key);
    const upload = new Upload({
      client: this.client,
      partSize: MULTIPART_PART_BYTES,
      queueSize: MULTIPART_QUEUE_SIZE,
      params: {
        Bucket: this.bucket,
        Key: input.key,
        Body: input.body,
        ...this.objectHeaders(input.key, input.contentType),
      },
    });
    try {
      await upload.done();
    } catch (error) {
      input.body.destroy();
      throw error;
    }
    const stored = await this.head(input.key);
    if (!stored) {
      throw new Error(
        `S3 reported ${input.key} written but HeadObject does not find it`,
      );
    }
    return stored;
  }

  /** S3 answers 204 whether or not the key existed, which makes this idempotent. */
  async delete(key: string): Promise<void> {
    assertValidObjectKey(key);
    await this.client.send(
      new DeleteObjectCommand({ Bucket: this.bucket, Key: key }),
    );
  }

  publicUrl(key: string): string {
    assertValidObjectKey(key);
    return `${this.publicBaseUrl}/${encodeObjectKeyPath(key)}`;
  }

  async probeLocation(key: string): Promise<string> {
    assertValidObjectKey(key);
    return getSignedUrl(
      this.client,
      new GetObjectCommand({ Bucket: this.bucket, Key: key }),
      {
        expiresIn: PROBE_URL_SECONDS,
      },
    );
  }

  async checkHealth(): Promise<void> {
    await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
  }

  onApplicationShutdown(): void {
    this.client.destroy();
  }
}
