import type { DestinationStream } from 'pino';
import pinoPretty from 'pino-pretty';
import { batchedStdout, TurnBatchedLines } from './turn-batched-lines.js';
import type { LogFormatSetting, NodeEnv } from '../../config/app-config.js';

export type LogFormat = 'json' | 'pretty';

/**
 * JSON lines unless a person is reading: `auto` picks readable lines only when stdout is a
 * terminal outside production, so anything that reads logs by machine (a file, a pipe, a log
 * shipper, a production container) keeps getting JSON without being told.
 */
export function chooseLogFormat(
  setting: LogFormatSetting,
  stdoutIsTty: boolean,
  nodeEnv: NodeEnv,
): LogFormat {
  if (setting !== 'auto') return setting;
  return stdoutIsTty && nodeEnv !== 'production' ? 'pretty' : 'json';
}

/**
 * Fields the readable line already shows (in `prettyMessage`) or that say nothing at a terminal
 * (one process, one host); every other field is printed beneath the line, as pino-pretty does.
 */
const SHOWN_IN_MESSAGE = [
  'pid',
  'hostname',
  'context',
  'reqId',
  'req',
  'res',
  'responseTime',
];

interface RequestLine {
  req: { id?: string; method?: string; url?: string };
  res: { statusCode?: number };
  responseTime?: number;
}

const isRequestLine = (
  line: Record<string, unknown>,
): line is RequestLine & Record<string, unknown> =>
  typeof line.req === 'object' &&
  line.req !== null &&
  typeof line.res === 'object' &&
  line.res !== null;

/**
 * The message of a readable line: `[Context] message`, and for a request's line what a developer
 * looks for first, `GET /v1/media → 200 in 12 ms (req_…)`, instead of its nested objects.
 */
export function prettyMessage(line: Record<string, unknown>): string {
  const message = typeof line.msg === 'string' ? line.msg : '';
  if (isRequestLine(line)) {
    const { req, res, responseTime } = line;
    const outcome =
      message === 'request completed' ? `→ ${res.statusCode}` : message;
    return `${req.method} ${req.url} ${outcome} in ${responseTime} ms (${req.id})`;
  }
  return typeof line.context === 'string'
    ? `[${line.context}] ${message}`
    : message;
}

/**
 * Where the root logger writes in `format`: JSON lines batched per turn of the event loop
 * (TurnBatchedLines), and readable lines through pino-pretty in this thread, writing
 * synchronously so the shutdown line printed from the process's `exit` event still reaches the
 * terminal. `output` is stdout unless a test reads the lines.
 */
export function logDestination(
  format: LogFormat,
  output: NodeJS.WritableStream | number = process.stdout.fd,
): DestinationStream | undefined {
  if (format === 'json') {
    return typeof output === 'number'
      ? batchedStdout(output)
      : new TurnBatchedLines(output);
  }
  return pinoPretty({
    destination: output,
    sync: true,
    colorize: true,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: SHOWN_IN_MESSAGE.join(','),
    messageFormat: (line) => prettyMessage(line),
  });
}
