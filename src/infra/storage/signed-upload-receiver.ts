import type { SigningKeys } from '../secrets/signing-keys.js';
import type { Readable } from 'node:stream';
import type { UploadLength } from './presign-input.js';
import type {
  StagedUpload,
  StoredObjectInfo,
  UploadStaging,
} from './storage.port.js';
import { storageFailureCode } from './storage-failure.js';
import { UploadAbortedError, UploadRejectedError } from './upload-errors.js';
import {
  hasValidUploadSignature,
  isUploadExpired,
  parseSignedUploadQuery,
  type SignedUploadTerms,
} from './upload-signature.js';
import { mediaTypeEssence } from '../../lib/media-type.js';

export interface SignedUploadRequest {
  key: string;
  /** The upload URL's query parameters as the web framework parsed them. */
  query: Record<string, unknown>;
  contentTypeHeader?: string;
  contentLengthHeader?: string;
  contentEncodingHeader?: string;
  /** The request body. Owned by the caller: on a rejection it is left unread, not destroyed. */
  body: Readable;
  now?: Date;
}

/**
 * The bytes of an accepted upload, staged but not yet stored under their key. The caller decides
 * whether they may land (`commit`) or not (`discard`); only then is anything visible.
 */
export interface ReceivedUpload {
  key: string;
  contentType: string;
  sizeBytes: number;
  /** Hex SHA-256 of the bytes. */
  sha256: string;
  commit(): Promise<StoredObjectInfo>;
  discard(): Promise<void>;
}

/** One accepted part of a multipart upload, staged: `store` keeps it for assembly. */
export interface ReceivedPart {
  uploadId: string;
  partNumber: number;
  sizeBytes: number;
  /** Hex SHA-256 of the part; its ETag. */
  sha256: string;
  store(): Promise<void>;
  discard(): Promise<void>;
}

/** Part URLs carry the upload id and part number among their (signed) parameters. */
export function isPartUploadQuery(query: Record<string, unknown>): boolean {
  return query.uploadId !== undefined || query.partNumber !== undefined;
}

/**
 * The receiving end of the signed upload URLs of storage that receives uploads itself (the local
 * driver's `presignUpload` issues them); the bytes go to that storage's `UploadStaging`. A PUT is
 * accepted only if the signature matches the key and the signed terms and has not expired, its
 * Content-Type has the signed media type (case-insensitive, parameters such as `charset` ignored;
 * the signed type is what gets stored), its Content-Length, if sent, is the signed length (or
 * within a signed maximum), the body is exactly as long as signed or declared, and it is not
 * content-encoded (the stored bytes must be the file itself). Reading stops at the first byte past
 * the limit; nothing is left behind on any failure.
 */
export class SignedUploadReceiver {
  constructor(
    private readonly staging: UploadStaging,
    private readonly signingKeys: SigningKeys | string,
  ) {}

  async receive(request: SignedUploadRequest): Promise<ReceivedUpload> {
    const { terms, staged } = await this.stageVerified(request);
    if (terms.part) {
      await this.staging.discard(staged);
      throw new UploadRejectedError(
        'invalid_signature',
        'This is a part upload URL; it does not fill the whole object',
      );
    }
    return {
      key: request.key,
      contentType: terms.contentType,
      sizeBytes: staged.sizeBytes,
      sha256: staged.sha256,
      commit: () => this.staging.commit(request.key, staged, terms.contentType),
      discard: () => this.staging.discard(staged),
    };
  }

  /** A PUT to one part URL of a multipart upload, checked exactly like a whole-object PUT. */
  async receivePart(request: SignedUploadRequest): Promise<ReceivedPart> {
    const { terms, staged } = await this.stageVerified(request);
    const { part } = terms;
    if (!part) {
      await this.staging.discard(staged);
      throw new UploadRejectedError(
        'invalid_signature',
        'This upload URL is not a part upload URL',
      );
    }
    return {
      ...part,
      sizeBytes: staged.sizeBytes,
      sha256: staged.sha256,
      store: () =>
        this.staging.storePart(part.uploadId, part.partNumber, staged),
      discard: () => this.staging.discard(staged),
    };
  }

  private async stageVerified(
    request: SignedUploadRequest,
  ): Promise<{ terms: SignedUploadTerms; staged: StagedUpload }> {
    const terms = this.verifiedTerms(request);
    const declaredLength = this.checkDeclaredLength(
      terms.length,
      request.contentLengthHeader,
    );
    const requiredLength =
      terms.length.kind === 'exact' ? terms.length.bytes : declaredLength;
    let staged: StagedUpload;
    try {
      staged = await this.staging.stage(request.body, {
        maxBytes: declaredLength ?? terms.length.bytes,
        destroyOnFailure: false,
      });
    } catch (error) {
      // A full or failing disk is ours, not an upload the client cut short.
      if (error instanceof UploadRejectedError || storageFailureCode(error)) {
        throw error;
      }
      throw new UploadAbortedError(request.key, error);
    }
    if (requiredLength !== undefined && staged.sizeBytes < requiredLength) {
      await this.staging.discard(staged);
      throw new UploadRejectedError(
        'body_too_short',
        `The body ended after ${staged.sizeBytes} of ${requiredLength} bytes`,
      );
    }
    if (terms.sha256 !== undefined && staged.sha256 !== terms.sha256) {
      await this.staging.discard(staged);
      throw new UploadRejectedError(
        'checksum_mismatch',
        `The body's SHA-256 is ${staged.sha256}, not the declared ${terms.sha256}`,
      );
    }
    return { terms, staged };
  }

  private verifiedTerms(request: SignedUploadRequest): SignedUploadTerms {
    const signed = parseSignedUploadQuery(request.query);
    const invalidSignature = new UploadRejectedError(
      'invalid_signature',
      'The upload URL is not valid (tampered with, or not issued here)',
    );
    if (!signed) throw invalidSignature;
    const { signature, ...signedTerms } = signed;
    const terms: SignedUploadTerms = { key: request.key, ...signedTerms };
    if (!hasValidUploadSignature(this.signingKeys, terms, signature))
      throw invalidSignature;
    if (isUploadExpired(terms, request.now ?? new Date())) {
      throw new UploadRejectedError(
        'expired',
        `The upload URL expired at ${new Date(terms.expires * 1000).toISOString()}`,
      );
    }
    if (
      request.contentTypeHeader === undefined ||
      mediaTypeEssence(request.contentTypeHeader) !==
        mediaTypeEssence(terms.contentType)
    ) {
      throw new UploadRejectedError(
        'content_type_mismatch',
        `Content-Type must be ${terms.contentType}, as signed; got ${request.contentTypeHeader ?? 'none'}`,
      );
    }
    const encoding = request.contentEncodingHeader?.trim().toLowerCase();
    if (encoding && encoding !== 'identity') {
      throw new UploadRejectedError(
        'content_encoding',
        `Send the file itself, without Content-Encoding; got ${request.contentEncodingHeader}`,
      );
    }
    return terms;
  }

  /** The Content-Length header as a number, if sent; refuses one the signed length does not allow. */
  private checkDeclaredLength(
    signed: UploadLength,
    header: string | undefined,
  ): number | undefined {
    if (header === undefined) return undefined;
    const declared = /^\s*[0-9]{1,16}\s*$/.test(header)
      ? Number(header)
      : Number.NaN;
    const allowed =
      signed.kind === 'exact'
        ? declared === signed.bytes
        : declared <= signed.bytes;
    if (!allowed) {
      const expectation =
        signed.kind === 'exact' ? `${signed.bytes}` : `at most ${signed.bytes}`;
      throw new UploadRejectedError(
        'content_length_mismatch',
        `Content-Length must be ${expectation}, as signed; got ${header}`,
      );
    }
    return declared;
  }
}
