import { Readable } from 'node:stream';

/**
 * A body that sends `first`, then, once its reader asks for more, is destroyed with `error` (or
 * closed early without one): a client going away mid-upload, at a moment that does not depend on
 * timers, so the reader is always listening when it happens.
 */
export function bodyFailingAfter(first: Buffer, error?: Error): Readable {
  let sent = false;
  return new Readable({
    read() {
      if (sent) {
        this.destroy(error);
        return;
      }
      sent = true;
      this.push(first);
    },
  });
}
