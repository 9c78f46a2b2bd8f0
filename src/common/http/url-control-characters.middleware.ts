import type { NextFunction, Request, Response } from 'express';
import { ApiError } from '../errors/api-error.js';
import { findUrlControlCharacter } from './url-control-characters.js';

/** Refuses control characters in the path or query before any guard or handler sees them. */
export function refuseUrlControlCharacters(
  request: Request,
  _response: Response,
  next: NextFunction,
): void {
  const where = findUrlControlCharacter(request.originalUrl);
  if (where) {
    next(
      ApiError.validation(
        where,
        `The request ${where} contains a control character such as %00`,
      ),
    );
  } else {
    next();
  }
}
