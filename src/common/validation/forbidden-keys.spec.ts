import { findForbiddenKey } from './forbidden-keys.js';
import { parse } from 'node:querystring';

describe('findForbiddenKey', () => {
  it('finds __proto__ as JSON.parse and the query parser produce it', () => {
    expect(findForbiddenKey(JSON.parse('{"__proto__":{"admin":true}}'))).toBe(
      '__proto__',
    );
    expect(findForbiddenKey(parse('limit=1&__proto__=1'))).toBe('__proto__');
  });

  it('finds constructor and prototype', () => {
    expect(findForbiddenKey({ constructor: 1 })).toBe('constructor');
    expect(findForbiddenKey(parse('prototype=x'))).toBe('prototype');
  });

  it('names nested keys with their path, through arrays', () => {
    const body = JSON.parse(
      '{"files":[{"filename":"a"},{"meta":{"__proto__":{}}}]}',
    );
    expect(findForbiddenKey(body)).toBe('files.1.meta.__proto__');
  });

  it('ignores inherited properties and the words as values', () => {
    expect(
      findForbiddenKey({ filename: 'constructor', tags: ['__proto__'] }),
    ).toBeUndefined();
    expect(findForbiddenKey({ a: { b: [1, null, 'x'] } })).toBeUndefined();
    expect(findForbiddenKey(null)).toBeUndefined();
    expect(findForbiddenKey('__proto__')).toBeUndefined();
  });
});
