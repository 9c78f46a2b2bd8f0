import { Logger } from '@nestjs/common';
import { pino } from 'pino';
import { PinoLoggerService } from './pino-logger.service.js';

describe('PinoLoggerService', () => {
  const lines: Record<string, unknown>[] = [];
  const root = pino(
    { level: 'trace' },
    { write: (line: string) => lines.push(JSON.parse(line)) },
  );

  beforeAll(() => Logger.overrideLogger(new PinoLoggerService(root)));
  beforeEach(() => (lines.length = 0));

  const only = () => {
    expect(lines).toHaveLength(1);
    return lines[0];
  };

  it('writes a message with its context', () => {
    new Logger('MediaLifecycleService').log('Media media_1 is READY');
    expect(only()).toMatchObject({
      level: 30,
      msg: 'Media media_1 is READY',
      context: 'MediaLifecycleService',
    });
  });

  it('takes fields first and the message second, as pino does', () => {
    const err = new Error('connection reset');
    new Logger('ProblemDetails').error(
      { err, requestId: 'req_1' },
      'Unexpected error',
    );
    const line = only();
    expect(line).toMatchObject({
      level: 50,
      msg: 'Unexpected error',
      context: 'ProblemDetails',
      requestId: 'req_1',
      err: { type: 'Error', message: 'connection reset' },
    });
    expect((line.err as { stack: string }).stack).toContain(
      'pino-logger.service.spec.ts',
    );
    expect(line).not.toHaveProperty('args');
    expect(line).not.toHaveProperty('stack');
  });

  it('logs an Error passed as the message, as Nest exception handlers do', () => {
    new Logger('ExceptionsHandler').error(new Error('boom'));
    expect(only()).toMatchObject({
      msg: 'boom',
      context: 'ExceptionsHandler',
      err: { type: 'Error', message: 'boom' },
    });
  });

  it('keeps a stack trace passed as the second argument of error()', () => {
    const { stack } = new Error('lost');
    new Logger('Worker').error('Job failed', stack);
    expect(only()).toMatchObject({
      msg: 'Job failed',
      context: 'Worker',
      stack,
    });
  });

  it('ignores the empty stack Nest adds to error()', () => {
    new Logger('Loop').error('loop stopped');
    expect(only()).toEqual({
      level: 50,
      time: expect.any(Number),
      pid: process.pid,
      hostname: expect.any(String),
      msg: 'loop stopped',
      context: 'Loop',
    });
  });

  it('maps each Nest level to the pino level', () => {
    const logger = new Logger('Levels');
    logger.verbose('v');
    logger.debug('d');
    logger.log('l');
    logger.warn('w');
    logger.error('e');
    logger.fatal('f');
    expect(lines.map((line) => [line.msg, line.level])).toEqual([
      ['v', 10],
      ['d', 20],
      ['l', 30],
      ['w', 40],
      ['e', 50],
      ['f', 60],
    ]);
  });

  it('keeps extra arguments instead of dropping them', () => {
    new Logger('Extra').warn('Retrying', 3, { attempt: 2 });
    expect(only()).toMatchObject({
      msg: 'Retrying',
      args: [3, { attempt: 2 }],
      context: 'Extra',
    });
  });

  it('writes fields without a message', () => {
    new Logger('Fields').log({ reconciled: 4 });
    const line = only();
    expect(line).toMatchObject({ reconciled: 4, context: 'Fields' });
    expect(line).not.toHaveProperty('msg');
  });

  it('writes static calls without a context', () => {
    Logger.log('no context');
    const line = only();
    expect(line.msg).toBe('no context');
    expect(line).not.toHaveProperty('context');
  });

  it('writes nothing at level silent', () => {
    root.level = 'silent';
    try {
      new Logger('Silent').fatal('not written');
    } finally {
      root.level = 'trace';
    }
    expect(lines).toEqual([]);
  });
});
