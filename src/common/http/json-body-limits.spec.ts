import {
  findJsonBodyProblem,
  MAX_JSON_DEPTH,
  type JsonPath,
} from './json-body-limits.js';

/** The kind of problem found, for the tests that are not about paths. */
const scan = (text: string, maxDepth?: number) =>
  findJsonBodyProblem(Buffer.from(text, 'utf8'), maxDepth)?.kind;

const nulPath = (text: string) => {
  const problem = findJsonBodyProblem(Buffer.from(text, 'utf8'));
  return problem?.kind === 'contains_nul' ? problem.path : problem;
};

const nested = (depth: number, open: string, close: string, inner = '1') =>
  `${open.repeat(depth)}${inner}${close.repeat(depth)}`;

describe('findJsonBodyProblem', () => {
  it('accepts ordinary bodies', () => {
    expect(scan('{"files":[{"filename":"a.mp4","size":1}]}')).toBeUndefined();
    expect(scan('')).toBeUndefined();
    expect(scan('"plain"')).toBeUndefined();
  });

  it(`allows ${MAX_JSON_DEPTH} levels and refuses one more`, () => {
    expect(scan(nested(MAX_JSON_DEPTH, '[', ']'))).toBeUndefined();
    expect(scan(nested(MAX_JSON_DEPTH + 1, '[', ']'))).toBe('too_deep');
    const objects = (depth: number) => nested(depth, '{"a":', '}');
    expect(scan(objects(MAX_JSON_DEPTH))).toBeUndefined();
    expect(scan(objects(MAX_JSON_DEPTH + 1))).toBe('too_deep');
  });

  it('refuses 2,000 levels, which would overflow JSON.parse', () => {
    expect(scan(nested(2000, '[', ']'))).toBe('too_deep');
    expect(scan(nested(2000, '{"a":', '}'))).toBe('too_deep');
  });

  it('counts depth, not the number of containers', () => {
    const wide = `[${Array.from({ length: 1000 }, () => '{"a":[]}').join(',')}]`;
    expect(scan(wide, 3)).toBeUndefined();
    expect(scan('[[1],[[2]]]', 2)).toBe('too_deep');
  });

  it('ignores brackets inside strings, including after escaped quotes', () => {
    expect(scan(`{"a":"${'['.repeat(100)}"}`, 1)).toBeUndefined();
    expect(scan(`{"a":"\\"${'{'.repeat(100)}"}`, 1)).toBeUndefined();
    expect(scan(`{"${'['.repeat(100)}":1}`, 1)).toBeUndefined();
  });

  it('counts brackets after a string that ends in an escaped backslash', () => {
    expect(scan('["\\\\",[[1]]]', 2)).toBe('too_deep');
  });

  it('refuses NUL escaped as \\u0000 in values and keys', () => {
    expect(scan('{"a":"x\\u0000y"}')).toBe('contains_nul');
    expect(scan('{"\\u0000":1}')).toBe('contains_nul');
    expect(scan('["\\u0000"]')).toBe('contains_nul');
  });

  it('refuses a raw NUL byte anywhere', () => {
    expect(scan('{"a":"x\u0000y"}')).toBe('contains_nul');
    expect(scan('{"a":1}\u0000')).toBe('contains_nul');
    expect(scan('{"a":"\\\u0000"}')).toBe('contains_nul');
  });

  it('does not mistake an escaped backslash followed by u0000 for a NUL', () => {
    expect(scan('{"a":"\\\\u0000"}')).toBeUndefined();
    expect(scan('{"a":"\\\\\\u0000"}')).toBe('contains_nul');
  });

  it('names the path to a NUL', () => {
    expect(nulPath('{"filename":"evil\\u0000.pdf"}')).toEqual(['filename']);
    expect(nulPath('{"files":[{"a":1},{"b":[2,"x","\\u0000"]}]}')).toEqual([
      'files',
      1,
      'b',
      2,
    ]);
    expect(nulPath('[[1,2],{"a":"[,:{"},"\\u0000"]')).toEqual([2]);
    expect(nulPath('{"a\\"b,c:":"\\u0000"}')).toEqual(['a"b,c:']);
    expect(nulPath('{"\\u00e9":{"x":1,"y":"\u0000"}}')).toEqual(['é', 'y']);
    expect(nulPath('"\\u0000"')).toEqual([]);
  });

  it('names the object whose key holds a NUL', () => {
    expect(nulPath('{"a":{"ok":1,"b\\u0000":1}}')).toEqual(['a']);
    expect(nulPath('{"\\u0000":1}')).toEqual([]);
  });

  it('accepts other \\u escapes', () => {
    expect(scan('{"a":"\\u0001\\u00e9\\u1000\\u000"}')).toBeUndefined();
  });

  it('does not read past the end of a truncated escape', () => {
    expect(scan('"\\u00')).toBeUndefined();
    expect(scan('"\\')).toBeUndefined();
  });

  it('agrees with a parse of generated documents', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const pieces = ['[', ']', '{', '}', '"', '\\', '\u0000', 'u0000', 'x'];
    const randomString = () =>
      Array.from(
        { length: Math.floor(random() * 6) },
        () => pieces[Math.floor(random() * pieces.length)],
      ).join('');
    const randomValue = (depth: number): unknown => {
      const roll = random();
      if (depth > 6 || roll < 0.3) {
        return randomString();
      }
      if (roll < 0.65) {
        return Array.from({ length: Math.floor(random() * 3) }, () =>
          randomValue(depth + 1),
        );
      }
      return Object.fromEntries(
        Array.from({ length: Math.floor(random() * 3) }, () => [
          randomString(),
          randomValue(depth + 1),
        ]),
      );
    };
    const depthOf = (value: unknown): number =>
      typeof value === 'object' && value !== null
        ? 1 + Math.max(0, ...Object.values(value).map(depthOf))
        : 0;
    /** The first NUL in document order, as the scanner should report it. */
    const firstNulPath = (
      value: unknown,
      path: JsonPath = [],
    ): JsonPath | undefined => {
      if (typeof value === 'string') {
        return value.includes('\u0000') ? path : undefined;
      }
      if (typeof value !== 'object' || value === null) {
        return undefined;
      }
      for (const [key, item] of Object.entries(value)) {
        if (!Array.isArray(value) && key.includes('\u0000')) {
          return path;
        }
        const found = firstNulPath(item, [
          ...path,
          Array.isArray(value) ? Number(key) : key,
        ]);
        if (found) {
          return found;
        }
      }
      return undefined;
    };

    for (let i = 0; i < 1000; i++) {
      const value = randomValue(0);
      const text = JSON.stringify(value);
      const maxDepth = 1 + Math.floor(random() * 6);
      const nulPath = firstNulPath(value);
      const deep = depthOf(value) > maxDepth;
      const found = findJsonBodyProblem(Buffer.from(text, 'utf8'), maxDepth);
      if (nulPath && deep) {
        expect(['contains_nul', 'too_deep'], text).toContain(found?.kind);
      } else if (nulPath) {
        expect(found, text).toEqual({ kind: 'contains_nul', path: nulPath });
      } else {
        expect(found, text).toEqual(deep ? { kind: 'too_deep' } : undefined);
      }
    }
  });
});
