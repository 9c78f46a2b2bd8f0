import { createHash, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { SigningKeys } from '../../secrets/signing-keys.js';
import { planParts } from '../multipart-plan.js';
import { assertValidObjectKey, encodeObjectKeyPath } from '../object-key.js';
import {
  assertValidUploadLifetime,
  readUploadLength,
  type PresignMultipartInput,
  type PresignUploadInput,
} from '../presign-input.js';
import {
  Storage,
  type AssembledObject,
  type ByteRange,
  type CompleteMultipartInput,
  type PresignedMultipartUpload,
  type PresignedUpload,
  type StoredObjectInfo,
  type TempFileSweep,
  type UploadStaging,
  type WriteObjectInput,
} from '../storage.port.js';
import {
  formatSignedUploadQuery,
  signUploadTerms,
  type SignedUploadTerms,
} from '../upload-signature.js';
import { localLayout } from './layout.js';
import { ObjectStore } from './object-store.js';
import { PartStore } from './part-store.js';
import { SidecarStore } from './sidecar-store.js';
import { StagingArea, type StagedFile } from './staging-area.js';
import { TempSweeper } from './temp-sweeper.js';

export interface LocalStorageDriverOptions {
  /** Absolute directory the objects live under, one file per key at `<rootDir>/<key>`. */
  rootDir: string;
  /** Where the app is reachable, e.g. `http://localhost:3000`; upload and file URLs hang off it. */
  publicBaseUrl: string;
  /** The secret upload URLs are signed with (a key derived from it); at least 32 characters. */
  signingSecret: string;
  /** The secret being rotated out: URLs it signed are still accepted (SignedUploadReceiver). */
  previousSigningSecret?: string;
}

const MIN_SIGNING_SECRET_LENGTH = 32;

/**
 * Embedded storage on the local filesystem, for single-machine deployments and development. The
 * app receives the uploads itself, through HMAC-signed URLs (`uploadStaging`), and every write
 * lands in a temp file first, renamed into place only when complete, so a reader never sees a
 * partial object; what crashed uploads leave there is removed by `tempFiles`.
 *
 * ETags are the quoted hex SHA-256 of the bytes: strong validators that survive copies and
 * restores of the directory (unlike size+mtime ones), and free, since every byte streams through
 * here anyway.
 */
export class LocalStorageDriver extends Storage {
  override readonly uploadStaging: UploadStaging;
  override readonly tempFiles: TempFileSweep;

  private readonly staging: StagingArea;
  private readonly objects: ObjectStore;
  private readonly parts: PartStore;
  private readonly publicBaseUrl: string;
  private readonly signingKeys: SigningKeys;

  constructor(options: LocalStorageDriverOptions) {
    super();
    if (options.signingSecret.length < MIN_SIGNING_SECRET_LENGTH) {
      throw new Error(
        `The local storage signing secret must be at least ${MIN_SIGNING_SECRET_LENGTH} characters`,
      );
    }
    const layout = localLayout(options.rootDir);
    this.staging = new StagingArea(layout.temp);
    this.objects = new ObjectStore(
      layout.root,
      new SidecarStore(layout.metadata, layout.temp),
    );
    this.parts = new PartStore(layout.parts, this.staging);
    // The receiver hands back only what `stage` returned, so every staged upload here is a file.
    this.uploadStaging = {
      stage: (body, stageOptions) => this.staging.stage(body, stageOptions),
      commit: (key, staged: StagedFile, contentType) =>
        this.objects.commit(key, staged, contentType),
      discard: (staged: StagedFile) => this.staging.discard(staged),
      storePart: (uploadId, partNumber, staged: StagedFile) =>
        this.parts.store(uploadId, partNumber, staged),
    };
    this.tempFiles = new TempSweeper(layout.temp, layout.parts);
    this.publicBaseUrl = options.publicBaseUrl.replace(/\/+$/, '');
    this.signingKeys = new SigningKeys(
      options.signingSecret,
      options.previousSigningSecret,
    );
  }

  async presignUpload(input: PresignUploadInput): Promise<PresignedUpload> {
    assertValidObjectKey(input.key);
    assertValidUploadLifetime(input.expiresInSeconds);
    const terms: SignedUploadTerms = {
      key: input.key,
      contentType: input.contentType,
      length: readUploadLength(input),
      expires: Math.floor(Date.now() / 1000) + input.expiresInSeconds,
      ...(input.sha256 === undefined ? {} : { sha256: input.sha256 }),
    };
    return {
      url: this.signedUploadUrl(terms),
      method: 'PUT',
      headers: { 'Content-Type': input.contentType },
      expiresAt: new Date(terms.expires * 1000),
    };
  }

  /**
   * Part URLs are signed like whole-object ones, with the upload id and part number among the
   * terms, so each part's exact length (its maximum, for a bounded plan) is enforced on receipt.
   */
  async presignMultipartUpload(
    input: PresignMultipartInput,
  ): Promise<PresignedMultipartUpload> {
    assertValidObjectKey(input.key);
    assertValidUploadLifetime(input.expiresInSeconds);
    const uploadId = input.uploadId ?? randomUUID();
    await this.parts.open(uploadId);
    const expires = Math.floor(Date.now() / 1000) + input.expiresInSeconds;
    const parts = planParts(input.length, input.partSizeBytes).map((part) => {
      const terms: SignedUploadTerms = {
        key: input.key,
        contentType: input.contentType,
        length: { kind: input.length.kind, bytes: part.sizeBytes },
        expires,
        part: { uploadId, partNumber: part.partNumber },
      };
      return {
        partNumber: part.partNumber,
        url: this.signedUploadUrl(terms),
        headers: { 'Content-Type': input.contentType },
        sizeBytes: part.sizeBytes,
      };
    });
    return { uploadId, parts, expiresAt: new Date(expires * 1000) };
  }

  async assembleMultipartUpload(
    input: CompleteMultipartInput,
  ): Promise<AssembledObject> {
    assertValidObjectKey(input.key);
    const staged = await this.parts.assemble(input);
    return {
      commit: async () => {
        const stored = await this.objects.commit(
          input.key,
          staged,
          input.contentType,
        );
        await this.parts.remove(input.uploadId);
        return stored;
      },
      discard: () => this.staging.discard(staged),
    };
  }

  async abortMultipartUpload(key: string, uploadId: string): Promise<void> {
    assertValidObjectKey(key);
    await this.parts.remove(uploadId);
  }

  /** Free when the metadata written with the object matches it; computed otherwise. */
  async sha256(key: string): Promise<string> {
    const recorded = await this.recordedSha256(key);
    if (recorded !== null) return recorded;
    const hash = createHash('sha256');
    for await (const chunk of await this.openReadStream(key)) {
      hash.update(chunk as Buffer);
    }
    return hash.digest('hex');
  }

  /** From the metadata written with the object, while it still matches the file beside it. */
  override async recordedSha256(key: string): Promise<string | null> {
    const info = await this.objects.info(key);
    return info?.etag ? info.etag.slice(1, -1) : null;
  }

  head(key: string): Promise<StoredObjectInfo | null> {
    return this.objects.info(key);
  }

  openReadStream(key: string, range?: ByteRange): Promise<Readable> {
    return this.objects.openRead(key, range);
  }

  async write(input: WriteObjectInput): Promise<StoredObjectInfo> {
    // A key that cannot be stored is refused before any of the body is read.
    assertValidObjectKey(input.key);
    const staged = await this.staging.stage(input.body, {
      destroyOnFailure: true,
    });
    return this.objects.commit(input.key, staged, input.contentType);
  }

  delete(key: string): Promise<void> {
    return this.objects.delete(key);
  }

  publicUrl(key: string): string {
    assertValidObjectKey(key);
    return `${this.publicBaseUrl}/files/${encodeObjectKeyPath(key)}`;
  }

  async probeLocation(key: string): Promise<string> {
    return this.objects.path(key);
  }

  /** Objects are plain files, so sharp and ffmpeg can read them where they lie. */
  override localFile(key: string): string {
    return this.objects.path(key);
  }

  checkHealth(): Promise<void> {
    return this.staging.checkWritable();
  }

  private signedUploadUrl(terms: SignedUploadTerms): string {
    const query = formatSignedUploadQuery(
      terms,
      signUploadTerms(this.signingKeys, terms),
    );
    return `${this.publicBaseUrl}/uploads/${encodeObjectKeyPath(terms.key)}?${query}`;
  }
}
