import { ApiError } from '../../common/errors/api-error.js';
import { UpstreamStatusError } from '../../infra/fetch/fetch-error.js';
import {
  canonicalContentType,
  categoryOf,
  type MediaCategory,
} from '../media/media-types.js';

/** Google Docs, Sheets, Slides, … have no bytes of their own: Drive exports them. */
const GOOGLE_NATIVE = 'application/vnd.google-apps.';

export function isGoogleNativeType(mimeType: string): boolean {
  return mimeType.toLowerCase().startsWith(GOOGLE_NATIVE);
}

/**
 * The Drive v3 URL of a file's bytes: `alt=media` for stored files, an export as PDF for
 * Google-native documents. `supportsAllDrives` makes shared-drive files reachable.
 */
export function driveDownloadUrl(
  apiBase: string,
  fileId: string,
  mimeType: string,
): string {
  const file = `${apiBase}/drive/v3/files/${encodeURIComponent(fileId)}`;
  return isGoogleNativeType(mimeType)
    ? `${file}/export?mimeType=application%2Fpdf&supportsAllDrives=true`
    : `${file}?alt=media&supportsAllDrives=true`;
}

/** What Drive's refusals mean for the person who started the import. */
export function describeDriveRefusal(
  error: UpstreamStatusError,
  fileId: string,
): string {
  switch (error.status) {
    case 401:
      return 'Google Drive refused the access token (401): it is invalid or has expired';
    case 403:
      return `Google Drive denied access to file ${fileId} (403): the token lacks Drive read scope, or the file is not shared with its account`;
    case 404:
      return `Google Drive has no file ${fileId} that this token can read (404)`;
    case 429:
      return 'Google Drive rate-limited the download (429)';
    default:
      return `Google Drive answered ${error.status} for file ${fileId}`;
  }
}

/**
 * The type a Drive file is stored as until its bytes say otherwise: Google-native documents become
 * PDF; anything else must be a supported media type (400 naming `field` otherwise).
 */
export function driveContentType(mimeType: string, field: string): string {
  if (isGoogleNativeType(mimeType)) return 'application/pdf';
  const supported = canonicalContentType(mimeType);
  if (!supported) {
    throw ApiError.validation(
      field,
      `${field} ${mimeType} is not a supported media type`,
    );
  }
  return supported;
}

/** The category the downloaded bytes must be of: documents for Google-native exports. */
export function expectedDriveCategory(
  mimeType: string,
): MediaCategory | undefined {
  return isGoogleNativeType(mimeType) ? 'document' : categoryOf(mimeType);
}
