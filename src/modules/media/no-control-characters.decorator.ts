import { ValidateBy } from 'class-validator';
import { hasControlCharacters } from './storage-key.js';

/**
 * A display filename in a request body must not carry control characters: refused up front with
 * the message direct uploads give (UploadService), so a NUL never reaches the database after a
 * download.
 */
export function NoControlCharacters(): PropertyDecorator {
  return ValidateBy({
    name: 'noControlCharacters',
    validator: {
      validate: (value: unknown) =>
        typeof value !== 'string' || !hasControlCharacters(value),
      defaultMessage: (args) =>
        `${args?.property ?? 'filename'} must not contain control characters`,
    },
  });
}
