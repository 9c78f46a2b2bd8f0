import { WriteCoalescer, type Tagged } from './write-coalescer.js';

const itemError = Object.assign(new Error('duplicate key'), { code: '23505' });
const isItemError = (error: unknown) => error === itemError;

/** A coalescer whose writes wait until the test settles them. */
function coalescing(maxInFlight: number, maxItems: number) {
  const calls: Array<{
    items: string[];
    tagged: Tagged<string, string>[];
    settle: (error?: Error) => void;
  }> = [];
  const write = (items: string[], tagged: Tagged<string, string>[]) =>
    new Promise<void>((resolve, reject) => {
      calls.push({
        items,
        tagged,
        settle: (error) => (error ? reject(error) : resolve()),
      });
    });
  const coalescer = new WriteCoalescer<string, string>(write, {
    maxInFlight,
    maxItems,
    isItemError,
  });
  return { calls, coalescer };
}

/** Lets queued promise callbacks (a write's completion, the next drain) run. */
const settled = () => new Promise((resolve) => setImmediate(resolve));

function track(promise: Promise<void>) {
  const state: { outcome: unknown } = { outcome: 'pending' };
  promise.then(
    () => (state.outcome = 'resolved'),
    (error: unknown) => (state.outcome = error),
  );
  return state;
}

describe('WriteCoalescer', () => {
  it('writes a submission at once while fewer than maxInFlight writes run', async () => {
    const { calls, coalescer } = coalescing(2, 10);
    const first = track(coalescer.submit(['a']));
    const second = track(coalescer.submit(['b', 'c']));
    expect(calls.map((call) => call.items)).toEqual([['a'], ['b', 'c']]);
    calls[1].settle();
    await settled();
    expect(first.outcome).toBe('pending');
    expect(second.outcome).toBe('resolved');
  });

  it('sends what queued while writes ran as one write, resolving each only when it is written', async () => {
    const { calls, coalescer } = coalescing(1, 10);
    const running = track(coalescer.submit(['a']));
    const queued = ['b', 'c', 'd'].map((item) =>
      track(coalescer.submit([item])),
    );
    expect(calls).toHaveLength(1);
    calls[0].settle();
    await settled();
    expect(running.outcome).toBe('resolved');
    expect(calls.map((call) => call.items)).toEqual([['a'], ['b', 'c', 'd']]);
    expect(queued.map((state) => state.outcome)).toEqual([
      'pending',
      'pending',
      'pending',
    ]);
    calls[1].settle();
    await settled();
    expect(queued.map((state) => state.outcome)).toEqual([
      'resolved',
      'resolved',
      'resolved',
    ]);
  });

  it('never puts more than maxItems in a write, nor splits a submission', async () => {
    const { calls, coalescer } = coalescing(1, 3);
    void coalescer.submit(['a']);
    void coalescer.submit(['b', 'c']);
    void coalescer.submit(['d', 'e']);
    void coalescer.submit(['f', 'g', 'h', 'i']);
    for (let write = 0; write < 3; write += 1) {
      calls[write].settle();
      await settled();
    }
    expect(calls.map((call) => call.items)).toEqual([
      ['a'],
      ['b', 'c'],
      ['d', 'e'],
      ['f', 'g', 'h', 'i'],
    ]);
  });

  it('writes each submission of a combined write alone after an item error, so only the faulty one fails', async () => {
    const { calls, coalescer } = coalescing(1, 10);
    void coalescer.submit(['a']);
    const good = track(coalescer.submit(['b', 'c']));
    const faulty = track(coalescer.submit(['x']));
    const alsoGood = track(coalescer.submit(['d']));
    calls[0].settle();
    await settled();
    calls[1].settle(itemError);
    await settled();
    expect(calls.slice(2).map((call) => call.items)).toEqual([
      ['b', 'c'],
      ['x'],
      ['d'],
    ]);
    calls[2].settle();
    calls[3].settle(itemError);
    calls[4].settle();
    await settled();
    expect(good.outcome).toBe('resolved');
    expect(faulty.outcome).toBe(itemError);
    expect(alsoGood.outcome).toBe('resolved');
  });

  it('fails every submission of a write with any other error, without writing again', async () => {
    const { calls, coalescer } = coalescing(1, 10);
    void coalescer.submit(['a']);
    const queued = [
      track(coalescer.submit(['b'])),
      track(coalescer.submit(['c'])),
    ];
    calls[0].settle();
    await settled();
    const lost = new Error('Connection terminated unexpectedly');
    calls[1].settle(lost);
    await settled();
    expect(calls).toHaveLength(2);
    expect(queued.map((state) => state.outcome)).toEqual([lost, lost]);
  });

  it('fails a submission written alone with its item error, without writing again', async () => {
    const { calls, coalescer } = coalescing(1, 10);
    const alone = track(coalescer.submit(['x']));
    calls[0].settle(itemError);
    await settled();
    expect(calls).toHaveLength(1);
    expect(alone.outcome).toBe(itemError);
  });

  it('starts the next queued write when one fails, so a failure does not stall the queue', async () => {
    const { calls, coalescer } = coalescing(1, 1);
    const failing = track(coalescer.submit(['a']));
    const next = track(coalescer.submit(['b']));
    calls[0].settle(new Error('Connection terminated unexpectedly'));
    await settled();
    expect(calls.map((call) => call.items)).toEqual([['a'], ['b']]);
    calls[1].settle();
    await settled();
    expect(failing.outcome).toBeInstanceOf(Error);
    expect(next.outcome).toBe('resolved');
  });

  it('hands each tagged submission to the write with its own items, also when written again alone', async () => {
    const { calls, coalescer } = coalescing(1, 10);
    track(coalescer.submit(['a']));
    const tagged = track(coalescer.submit(['b', 'c'], 'point-1'));
    const untagged = track(coalescer.submit(['d']));
    calls[0].settle();
    await settled();
    expect(calls[1].items).toEqual(['b', 'c', 'd']);
    expect(calls[1].tagged).toEqual([{ tag: 'point-1', items: ['b', 'c'] }]);
    calls[1].settle(itemError);
    await settled();
    expect(calls.slice(2).map((call) => call.tagged)).toEqual([
      [{ tag: 'point-1', items: ['b', 'c'] }],
      [],
    ]);
    calls[2].settle();
    calls[3].settle(itemError);
    await settled();
    expect(tagged.outcome).toBe('resolved');
    expect(untagged.outcome).toBe(itemError);
  });
});
