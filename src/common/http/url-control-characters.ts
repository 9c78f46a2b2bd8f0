/**
 * An ASCII control character (C0 or DEL) in a URL, raw or percent-encoded. `%2500` is an escaped
 * `%` followed by `00`, so it does not match.
 */
// oxlint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]|%[01][0-9a-f]|%7f/i;

/**
 * Where a request target carries a control character: `path`, `query` or nowhere. NUL in
 * particular reaches PostgreSQL through ids, keys and cursors, and text columns cannot hold it.
 */
export function findUrlControlCharacter(
  requestTarget: string,
): 'path' | 'query' | undefined {
  const queryStart = requestTarget.indexOf('?');
  const path =
    queryStart === -1 ? requestTarget : requestTarget.slice(0, queryStart);
  if (CONTROL_CHARACTER.test(path)) {
    return 'path';
  }
  if (
    queryStart !== -1 &&
    CONTROL_CHARACTER.test(requestTarget.slice(queryStart))
  ) {
    return 'query';
  }
  return undefined;
}
