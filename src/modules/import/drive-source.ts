import { UpstreamStatusError } from '../../infra/fetch/fetch-error.js';

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
