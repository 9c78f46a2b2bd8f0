import { KeyLocks } from './key-locks.js';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

describe('KeyLocks', () => {
  it('runs work on one key in the order it was queued, one at a time', async () => {
    const locks = new KeyLocks();
    const events: string[] = [];
    const firstMayFinish = deferred();
    const first = locks.run('a', async () => {
      events.push('first started');
      await firstMayFinish.promise;
      events.push('first finished');
    });
    const second = locks.run('a', async () => {
      events.push('second started');
    });
    await Promise.resolve();
    firstMayFinish.resolve();
    await Promise.all([first, second]);
    expect(events).toEqual([
      'first started',
      'first finished',
      'second started',
    ]);
  });

  it('lets a failure reach its caller without holding up the work queued behind it', async () => {
    const locks = new KeyLocks();
    const failing = locks.run('a', () => Promise.reject(new Error('boom')));
    const next = locks.run('a', async () => 'ran');
    await expect(failing).rejects.toThrow('boom');
    await expect(next).resolves.toBe('ran');
  });

  it('does not make work on other keys wait', async () => {
    const locks = new KeyLocks();
    const held = deferred();
    const holding = locks.run('a', () => held.promise);
    await expect(locks.run('b', async () => 'ran')).resolves.toBe('ran');
    held.resolve();
    await holding;
  });
});
