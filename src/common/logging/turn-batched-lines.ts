import { pino, type DestinationStream } from 'pino';

/**
 * Log lines written during one turn of the event loop leave together, in one write to `target` when
 * the turn ends (setImmediate), instead of one write per line: under load a process logs a line per
 * request, and a system call per line, with the reader (a terminal, a log shipper) woken as often,
 * was a twentieth of a GET's CPU (docs/performance.md#request-logging).
 *
 * Unlike pino's asynchronous mode, every write is synchronous: lines wait for the end of the turn
 * they were logged in, never for a write in flight. At `exit` the waiting lines are written at once
 * and later ones (the shutdown line) go straight through, so a process that exits, even on an
 * uncaught exception, loses nothing; one killed outright (SIGKILL, abort) loses the lines of its
 * last turn at most.
 */
export class TurnBatchedLines implements DestinationStream {
  private waiting = '';
  private scheduled = false;
  private exiting = false;

  constructor(private readonly target: { write(text: string): unknown }) {}

  /** Writes the waiting lines now, and every later line as it comes: the process is exiting. */
  writeThrough(): void {
    this.exiting = true;
    this.flush();
  }

  write(line: string): void {
    if (this.exiting) {
      this.target.write(line);
      return;
    }
    this.waiting += line;
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
  }

  private flush(): void {
    this.scheduled = false;
    if (this.waiting.length === 0) return;
    const lines = this.waiting;
    this.waiting = '';
    this.target.write(lines);
  }
}

/** Every batching destination of this process, written through when it exits. */
const destinations = new Set<WeakRef<TurnBatchedLines>>();

function writeThroughAll(): void {
  for (const destination of destinations) destination.deref()?.writeThrough();
}

/**
 * JSON lines to stdout (or `fd`), batched per turn over pino's synchronous destination. The `exit`
 * listener is added with the first one, before any shutdown line's (see logShutdown).
 */
export function batchedStdout(
  fd: number = process.stdout.fd,
): TurnBatchedLines {
  const destination = new TurnBatchedLines(
    pino.destination({ dest: fd, sync: true }),
  );
  if (destinations.size === 0) process.once('exit', writeThroughAll);
  destinations.add(new WeakRef(destination));
  return destination;
}
