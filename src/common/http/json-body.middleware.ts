import { Injectable, type NestMiddleware } from '@nestjs/common';
import express, {
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
} from 'express';
import { AppConfig } from '../../config/app-config.js';

/**
 * JSON body parsing as a Nest middleware rather than Express's own, so malformed or oversized
 * bodies reach the problem+json filter like every other error.
 */
@Injectable()
export class JsonBodyMiddleware implements NestMiddleware {
  private readonly parse: RequestHandler;

  constructor(config: AppConfig) {
    this.parse = express.json({
      limit: config.jsonBodyLimitBytes,
      type: ['application/json', 'application/*+json'],
    });
  }

  async use(
    request: Request,
    response: Response,
    next: NextFunction,
  ): Promise<void> {
    await new Promise<void>((resolve, reject) =>
      this.parse(request, response, (error?: unknown) =>
        error ? reject(error) : resolve(),
      ),
    );
    next();
  }
}
