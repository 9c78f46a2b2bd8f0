/**
 * `type/subtype` of a Content-Type value in lower case, parameters dropped (media types are
 * case-insensitive, RFC 9110 §8.3.1). Undefined when there is no value; the first of repeated headers.
 */
export function mediaTypeEssence(
  contentType: string | readonly string[] | undefined,
): string | undefined {
  const value =
    typeof contentType === 'string' ? contentType : contentType?.[0];
  return value?.split(';', 1)[0].trim().toLowerCase() || undefined;
}
