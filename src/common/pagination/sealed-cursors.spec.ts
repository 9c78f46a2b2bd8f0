import { randomBytes } from 'node:crypto';
import { ApiError } from '../errors/api-error.js';
import { SealedCursors } from './sealed-cursors.js';

describe('SealedCursors', () => {
  const cursors = new SealedCursors(randomBytes(32));

  it('round-trips a position within its workspace and hides it', () => {
    const cursor = cursors.encode('ws_a', 284);
    expect(cursors.decode('ws_a', cursor)).toBe(284);
    expect(Buffer.from(cursor, 'base64url').toString('latin1')).not.toContain(
      '284',
    );
    expect(cursors.encode('ws_a', 284)).not.toBe(cursor);
  });

  it.each([
    ['another workspace', (c: string) => ['ws_b', c]],
    [
      'a flipped byte',
      (c: string) => [
        'ws_a',
        `${c.slice(0, 20)}${c[20] === 'A' ? 'B' : 'A'}${c.slice(21)}`,
      ],
    ],
    ['a truncated cursor', (c: string) => ['ws_a', c.slice(0, 10)]],
    [
      'a readable forgery',
      () => ['ws_a', Buffer.from('{"s":1}').toString('base64url')],
    ],
    ['garbage', () => ['ws_a', '%%%']],
  ])('refuses %s with 400 validation_error', (_, mutate) => {
    const [workspace, cursor] = mutate(cursors.encode('ws_a', 7));
    expect(() => cursors.decode(workspace, cursor)).toThrow(ApiError);
  });

  it('refuses a cursor sealed under another server key', () => {
    const other = new SealedCursors(randomBytes(32)).encode('ws_a', 7);
    expect(() => cursors.decode('ws_a', other)).toThrow(
      /not a cursor this API returned/,
    );
  });
});
