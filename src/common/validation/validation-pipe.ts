import {
  ValidationPipe,
  type ArgumentMetadata,
  type ValidationError,
} from '@nestjs/common';
import { ApiError, type FieldError } from '../errors/api-error.js';
import { findForbiddenKey } from './forbidden-keys.js';

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const messages = Object.values(error.constraints ?? {});
    // A missing field fails whichever rule runs first ("must be longer than…"); say what is wrong.
    const own = (
      messages.length > 0 && error.value === undefined
        ? [`${field} is required`]
        : messages
    ).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * `forbidNonWhitelisted` cannot see a `__proto__` key: class-transformer drops it while building the
 * DTO. Such keys are refused here, on the parsed input, the way any unknown field is.
 */
class RequestValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata) {
    if (metadata.type === 'body' || metadata.type === 'query') {
      const field = findForbiddenKey(value);
      if (field) {
        const message = `property ${field} should not exist`;
        throw new ApiError('validation_error', message, {
          errors: [{ field, message }],
          replayable: false,
        });
      }
    }
    return super.transform(value, metadata);
  }
}

/**
 * Body, query and params validation for every route: unknown fields (including `__proto__`,
 * `constructor` and `prototype`) are rejected, values are transformed to the DTO types, and
 * failures become one `validation_error` listing each field.
 */
export function createValidationPipe(): ValidationPipe {
  return new RequestValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) => {
      const fieldErrors = flatten(errors);
      const summary = fieldErrors.map((e) => e.message).join('; ');
      // Refused before the handler ran: not kept under an Idempotency-Key (see ApiError).
      return new ApiError(
        'validation_error',
        summary || 'The request is invalid',
        {
          errors: fieldErrors,
          replayable: false,
        },
      );
    },
  });
}
