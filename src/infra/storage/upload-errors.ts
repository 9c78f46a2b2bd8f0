export type UploadRejectionReason =
  | 'invalid_signature'
  | 'expired'
  | 'content_type_mismatch'
  | 'content_length_mismatch'
  | 'body_too_large'
  | 'body_too_short'
  | 'content_encoding'
  | 'checksum_mismatch';

/** A PUT to a local upload URL that does not match what was signed; nothing was stored. */
export class UploadRejectedError extends Error {
  constructor(
    readonly reason: UploadRejectionReason,
    message: string,
  ) {
    super(message);
    this.name = 'UploadRejectedError';
  }
}

/** The upload body failed or ended prematurely (typically the client went away); nothing was stored. */
export class UploadAbortedError extends Error {
  constructor(
    readonly key: string,
    cause: unknown,
  ) {
    super(`The upload to ${key} was aborted before all bytes arrived`, {
      cause,
    });
    this.name = 'UploadAbortedError';
  }
}
