import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Response } from 'express';

/** The reason of a `ClientGone` signal: the client closed its connection before the answer. */
export class ClientDisconnectedError extends Error {
  constructor() {
    super('The client disconnected before the answer was sent');
    this.name = 'ClientDisconnectedError';
  }
}

/**
 * An AbortSignal that fires when the client goes away before its response has been sent, for
 * handlers doing long work on the client's behalf (a download) that nobody would receive.
 */
export const ClientGone = createParamDecorator(
  (_: unknown, context: ExecutionContext): AbortSignal => {
    const response = context.switchToHttp().getResponse<Response>();
    const controller = new AbortController();
    const abort = () => {
      if (!response.writableFinished) {
        controller.abort(new ClientDisconnectedError());
      }
    };
    if (response.destroyed) {
      abort();
    } else {
      response.once('close', abort);
    }
    return controller.signal;
  },
);
