/**
 * How deeply a JSON body may nest arrays and objects. The deepest body the API documents is an S3
 * event (`Records[].s3.object.userMetadata` plus free-form `requestParameters`-style objects), about
 * six levels; 32 leaves room for any forwarder's envelope while keeping JSON.parse and
 * class-transformer, which both recurse once per level, thousands of frames away from a stack
 * overflow.
 */
export const MAX_JSON_DEPTH = 32;

/** Where a value sits in a JSON document: object keys and array indexes from the root. */
export type JsonPath = (string | number)[];

/** Why a JSON body is refused before it is parsed. */
export type JsonBodyProblem =
  | { kind: 'too_deep' }
  /** `path` leads to the string holding the NUL, or to the object whose key holds it. */
  | { kind: 'contains_nul'; path: JsonPath };

const NUL = 0x00;
const QUOTE = 0x22;
const COMMA = 0x2c;
const COLON = 0x3a;
const BACKSLASH = 0x5c;
const LETTER_U = 0x75;
const DIGIT_ZERO = 0x30;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;

type Frame =
  | { kind: 'array'; index: number }
  | { kind: 'object'; key: string; expectingKey: boolean };

/** True when the four bytes from `start` are the hex digits `0000` of a `\u0000` escape. */
function isZeroCodeUnit(bytes: Uint8Array, start: number): boolean {
  return (
    bytes[start] === DIGIT_ZERO &&
    bytes[start + 1] === DIGIT_ZERO &&
    bytes[start + 2] === DIGIT_ZERO &&
    bytes[start + 3] === DIGIT_ZERO
  );
}

const UTF8 = new TextDecoder();

/** An object key as JSON.parse will read it; invalid JSON is left for JSON.parse to report. */
function decodeKey(quoted: Uint8Array): string {
  const text = UTF8.decode(quoted);
  try {
    return JSON.parse(text) as string;
  } catch {
    return text.slice(1, -1);
  }
}

/** The path to the current value, or with `inKey` to the object whose key is being read. */
function pathOf(frames: Frame[], inKey: boolean): JsonPath {
  return (inKey ? frames.slice(0, -1) : frames).map((frame) =>
    frame.kind === 'array' ? frame.index : frame.key,
  );
}

/**
 * One linear pass over the raw UTF-8 bytes of a JSON body, run before JSON.parse: finds nesting
 * deeper than `maxDepth` (JSON.parse would overflow the stack on a few thousand levels) and NUL
 * characters, raw or escaped as `\u0000` (PostgreSQL text and jsonb cannot store them), with the
 * path to the offending value so the error can name the field. Brackets, commas and colons inside
 * strings do not count, and `\\u0000` is an escaped backslash followed by text, not a NUL. Syntax
 * errors are left to JSON.parse: the scan only needs to be right about valid JSON.
 */
export function findJsonBodyProblem(
  bytes: Uint8Array,
  maxDepth = MAX_JSON_DEPTH,
): JsonBodyProblem | undefined {
  const frames: Frame[] = [];
  let inString = false;
  let escaped = false;
  let keyStart = -1;
  const nulAt = (): JsonBodyProblem => ({
    kind: 'contains_nul',
    path: pathOf(frames, keyStart !== -1),
  });
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (byte === NUL) {
      return nulAt();
    }
    if (escaped) {
      escaped = false;
      if (byte === LETTER_U && isZeroCodeUnit(bytes, i + 1)) {
        return nulAt();
      }
      continue;
    }
    if (inString) {
      if (byte === BACKSLASH) {
        escaped = true;
      } else if (byte === QUOTE) {
        inString = false;
        const top = frames.at(-1);
        if (keyStart !== -1 && top?.kind === 'object') {
          top.key = decodeKey(bytes.subarray(keyStart, i + 1));
          keyStart = -1;
        }
      }
      continue;
    }
    const top = frames.at(-1);
    switch (byte) {
      case QUOTE:
        inString = true;
        if (top?.kind === 'object' && top.expectingKey) {
          keyStart = i;
        }
        break;
      case OPEN_ARRAY:
      case OPEN_OBJECT:
        if (frames.length === maxDepth) {
          return { kind: 'too_deep' };
        }
        frames.push(
          byte === OPEN_ARRAY
            ? { kind: 'array', index: 0 }
            : { kind: 'object', key: '', expectingKey: true },
        );
        break;
      case CLOSE_ARRAY:
      case CLOSE_OBJECT:
        frames.pop();
        break;
      case COMMA:
        if (top?.kind === 'array') {
          top.index++;
        } else if (top?.kind === 'object') {
          top.expectingKey = true;
        }
        break;
      case COLON:
        if (top?.kind === 'object') {
          top.expectingKey = false;
        }
        break;
    }
  }
  return undefined;
}
