import { TurnBatchedLines } from './turn-batched-lines.js';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('TurnBatchedLines', () => {
  it('writes the lines of one turn together once the turn ends, and nothing before', async () => {
    const writes: string[] = [];
    const lines = new TurnBatchedLines({ write: (text) => writes.push(text) });

    lines.write('a\n');
    lines.write('b\n');
    expect(writes).toEqual([]);
    await nextTurn();
    expect(writes).toEqual(['a\nb\n']);

    lines.write('c\n');
    await nextTurn();
    expect(writes).toEqual(['a\nb\n', 'c\n']);
  });

  it('at exit writes the waiting lines at once, and every later line as it comes', async () => {
    const writes: string[] = [];
    const lines = new TurnBatchedLines({ write: (text) => writes.push(text) });

    lines.write('waiting\n');
    lines.writeThrough();
    expect(writes).toEqual(['waiting\n']);
    lines.write('shutdown\n');
    expect(writes).toEqual(['waiting\n', 'shutdown\n']);
    await nextTurn();
    expect(writes).toEqual(['waiting\n', 'shutdown\n']);
  });
});
