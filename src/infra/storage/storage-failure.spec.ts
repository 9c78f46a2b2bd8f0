import { open } from 'node:fs/promises';
import { storageFailureCode } from './storage-failure.js';

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: failed`), { code });
}

describe('storageFailureCode', () => {
  it.each(['ENOSPC', 'EDQUOT', 'EIO', 'EROFS'])('recognises %s', (code) => {
    expect(storageFailureCode(errno(code))).toBe(code);
  });

  it('finds it behind wrapping errors', () => {
    const wrapped = new Error('aborted', {
      cause: new Error('stream failed', { cause: errno('ENOSPC') }),
    });
    expect(storageFailureCode(wrapped)).toBe('ENOSPC');
  });

  it.each(['ECONNRESET', 'ENOENT', 'EACCES', 'EPIPE', undefined])(
    'leaves other failures (%s) alone',
    (code) => {
      expect(
        storageFailureCode(code ? errno(code) : new Error('x')),
      ).toBeUndefined();
      expect(storageFailureCode('ENOSPC')).toBeUndefined();
      expect(storageFailureCode(null)).toBeUndefined();
    },
  );

  it('recognises what a real write to a full device fails with', async () => {
    const full = await open('/dev/full', 'w').catch(() => null);
    if (!full) return; // no /dev/full on this system
    try {
      const failure = await full.write(Buffer.alloc(16)).then(
        () => null,
        (error: unknown) => error,
      );
      expect(storageFailureCode(failure)).toBe('ENOSPC');
    } finally {
      await full.close();
    }
  });
});
