import { findUrlControlCharacter } from './url-control-characters.js';

describe('findUrlControlCharacter', () => {
  it('finds percent-encoded C0 characters and DEL in the path', () => {
    for (const target of [
      '/files/%00',
      '/uploads/a%00b',
      '/v1/media/x%0a',
      '/v1/media/x%0D',
      '/v1/media/%1f',
      '/v1/media/%7F',
    ]) {
      expect(findUrlControlCharacter(target), target).toBe('path');
    }
  });

  it('finds them in the query', () => {
    expect(findUrlControlCharacter('/v1/media?cursor=%00')).toBe('query');
    expect(findUrlControlCharacter('/v1/media?a=1&%00=2')).toBe('query');
    expect(findUrlControlCharacter('/v1/media?status=ready%09')).toBe('query');
  });

  it('finds raw control characters', () => {
    expect(findUrlControlCharacter('/v1/media/a\u0000b')).toBe('path');
    expect(findUrlControlCharacter('/v1/media?cursor=\u001b')).toBe('query');
  });

  it('accepts other escapes, including an escaped percent followed by 00', () => {
    for (const target of [
      '/v1/media/media_abc1234567890abc12345678',
      '/files/uploads/2024/a%20b.jpg',
      '/files/a%2500',
      '/v1/media?cursor=abc%3D%3D&status=ready',
      '/files/%C3%A9',
      '/v1/media/%ZZ',
    ]) {
      expect(findUrlControlCharacter(target), target).toBeUndefined();
    }
  });
});
