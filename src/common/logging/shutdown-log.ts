import { Logger } from '@nestjs/common';

const SHUTDOWN_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * Says when a stop signal arrives and when the process is done: a stop waits for running requests
 * and jobs (see JobRunner), which can take a while, and without a line a developer pressing Ctrl-C
 * cannot tell a stop in progress from a hang. Registered before Nest's signal handlers, so the
 * first line comes before anything the shutdown logs; the last is written from `exit`, after Nest
 * has closed everything (the log destinations write through from `exit` on, so it is not lost).
 */
export function logShutdown(): void {
  const logger = new Logger('Shutdown');
  const onSignal = (signal: NodeJS.Signals) => {
    for (const each of SHUTDOWN_SIGNALS) process.off(each, onSignal);
    logger.log(
      `${signal} received: finishing running requests and jobs, then exiting`,
    );
    if (process.listenerCount(signal) === 0) {
      // Nest handles signals only once the application is built; before that, the signal's
      // default action ends the process, as it would without this listener.
      process.kill(process.pid, signal);
      return;
    }
    const receivedAt = performance.now();
    process.once('exit', (code) =>
      logger.log(
        `Stopped ${Math.round(performance.now() - receivedAt)} ms after ${signal} (exit code ${code})`,
      ),
    );
  };
  for (const signal of SHUTDOWN_SIGNALS) process.on(signal, onSignal);
}
