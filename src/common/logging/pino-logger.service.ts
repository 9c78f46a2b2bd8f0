import type { LoggerService } from '@nestjs/common';
import type { Logger } from 'pino';

type PinoLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';

/** What Nest's ConsoleLogger also recognises as a stack trace passed to `error()`. */
const STACK_TRACE = /\n\s+at /;

const isStackTrace = (value: unknown): value is string =>
  typeof value === 'string' && STACK_TRACE.test(value);

/**
 * Turns the arguments of a Nest `LoggerService` call into pino's `(fields, message)`.
 *
 * Nest's `Logger` appends its context as the last argument, and pads `error()` with an `undefined`
 * stack when none is given. The message may be a string, an `Error` (Nest's exception handlers
 * pass the exception itself) or an object of fields followed by the message, pino's own order
 * (`logger.error({ err, requestId }, 'Unexpected error')`). Anything left over is kept in `args`
 * rather than dropped.
 */
function toPinoCall(
  level: PinoLevel,
  message: unknown,
  params: readonly unknown[],
): { fields: Record<string, unknown>; text: string | undefined } {
  const rest = [...params];
  const last = rest.at(-1);
  const context =
    typeof last === 'string' && !isStackTrace(last) ? rest.pop() : undefined;
  const fields: Record<string, unknown> = {};
  if (level === 'error' && rest.length > 0) {
    const stack = rest.at(-1);
    if (stack === undefined) {
      rest.pop();
    } else if (isStackTrace(stack)) {
      fields.stack = rest.pop();
    }
  }
  let text: string | undefined;
  if (message instanceof Error) {
    fields.err = message;
    text = message.message;
  } else if (typeof message === 'object' && message !== null) {
    Object.assign(fields, message);
    if (typeof rest[0] === 'string') {
      text = rest.shift() as string;
    }
  } else {
    text = String(message);
  }
  if (rest.length > 0) {
    fields.args = rest;
  }
  if (context !== undefined) {
    fields.context = context;
  }
  return { fields, text };
}

/** Nest's logger, writing JSON lines through the root pino logger. */
export class PinoLoggerService implements LoggerService {
  constructor(readonly root: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: PinoLevel, message: unknown, params: unknown[]): void {
    const { fields, text } = toPinoCall(level, message, params);
    this.root[level](fields, text);
  }
}
