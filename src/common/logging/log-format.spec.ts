import { PassThrough } from 'node:stream';
import { pino } from 'pino';
import {
  chooseLogFormat,
  logDestination,
  prettyMessage,
} from './log-format.js';
import { TurnBatchedLines } from './turn-batched-lines.js';

describe('chooseLogFormat', () => {
  it.each([
    [true, 'development', 'pretty'],
    [true, 'test', 'pretty'],
    [true, 'production', 'json'],
    [false, 'development', 'json'],
    [false, 'production', 'json'],
  ] as const)(
    'auto, stdout a terminal: %s, NODE_ENV=%s → %s',
    (stdoutIsTty, nodeEnv, format) => {
      expect(chooseLogFormat('auto', stdoutIsTty, nodeEnv)).toBe(format);
    },
  );

  it('takes an explicit setting whatever the terminal and environment', () => {
    expect(chooseLogFormat('json', true, 'development')).toBe('json');
    expect(chooseLogFormat('pretty', false, 'production')).toBe('pretty');
  });
});

describe('prettyMessage', () => {
  it('puts the context before the message', () => {
    expect(
      prettyMessage({ msg: 'Listening on :3000', context: 'Bootstrap' }),
    ).toBe('[Bootstrap] Listening on :3000');
    expect(prettyMessage({ msg: 'no context' })).toBe('no context');
  });

  it("writes a request's line as method, URL, status, time and id", () => {
    const request = {
      reqId: 'req_1',
      req: { id: 'req_1', method: 'GET', url: '/v1/media', headers: {} },
      res: { statusCode: 200 },
      responseTime: 12,
    };
    expect(prettyMessage({ ...request, msg: 'request completed' })).toBe(
      'GET /v1/media → 200 in 12 ms (req_1)',
    );
    expect(prettyMessage({ ...request, msg: 'request aborted' })).toBe(
      'GET /v1/media request aborted in 12 ms (req_1)',
    );
  });
});

describe('logDestination', () => {
  it('batches JSON lines per turn of the event loop', async () => {
    const output = new PassThrough();
    const chunks: string[] = [];
    output.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
    const destination = logDestination('json', output);
    expect(destination).toBeInstanceOf(TurnBatchedLines);
    const logger = pino({ level: 'info' }, destination);

    logger.info('one');
    logger.info('two');
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));

    expect(chunks).toHaveLength(1);
    expect(
      chunks[0]
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line).msg),
    ).toEqual(['one', 'two']);
  });

  it('writes one readable line per entry, with its other fields beneath', () => {
    const output = new PassThrough();
    let written = '';
    output.on('data', (chunk: Buffer) => (written += chunk.toString()));
    const logger = pino({ level: 'info' }, logDestination('pretty', output));

    logger.info({ context: 'Media', mediaId: 'media_1' }, 'Media is READY');

    expect(written).toMatch(
      /^\[\d\d:\d\d:\d\d\.\d{3}\] .*INFO.*: .*\[Media\] Media is READY.*\n.*mediaId.*"media_1"/,
    );
    expect(written).not.toContain('hostname');
    expect(written).not.toContain('{"level"');
  });
});
