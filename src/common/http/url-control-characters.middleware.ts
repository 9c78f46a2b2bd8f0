import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request } from 'express';
import { ApiError } from '../errors/api-error.js';
import { findUrlControlCharacter } from './url-control-characters.js';

/** Refuses control characters in the path or query before any guard or handler sees them. */
@Injectable()
export class UrlControlCharactersMiddleware implements NestMiddleware {
  use(request: Request, _response: unknown, next: NextFunction): void {
    const where = findUrlControlCharacter(request.originalUrl);
    if (where) {
      throw ApiError.validation(
        where,
        `The request ${where} contains a control character such as %00`,
      );
    }
    next();
  }
}
