import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { ApiError, type FieldError } from '../errors/api-error.js';

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
 * Body, query and params validation for every route: unknown fields are rejected, values are
 * transformed to the DTO types, and failures become one `validation_error` listing each field.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) => {
      const fieldErrors = flatten(errors);
      const summary = fieldErrors.map((e) => e.message).join('; ');
      return new ApiError(
        'validation_error',
        summary || 'The request is invalid',
        {
          errors: fieldErrors,
        },
      );
    },
  });
}
