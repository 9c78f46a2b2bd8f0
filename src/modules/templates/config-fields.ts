import type { FieldError } from '../../common/errors/api-error.js';

/**
 * A template's config, as data: each field's type, default and limits. The same description
 * validates requests (`validateConfig`) and is what `GET /v1/templates` lists, so the two cannot
 * drift apart.
 */
export type ConfigField =
  | {
      type: 'text';
      description: string;
      maxLength: number;
      /** Used when the field is absent; '' means the element is left out. */
      default: string;
    }
  | { type: 'enum'; description: string; values: string[]; default: string }
  /** A calendar date, `YYYY-MM-DD`; absent means none is shown. */
  | { type: 'date'; description: string }
  /**
   * An http(s) image URL, fetched at render time through the safe fetcher. `square` images (avatars)
   * and `background` images (the whole card) are cropped to fill their box.
   */
  | { type: 'image'; description: string; shape: 'square' | 'background' };

export type ConfigFields = Record<string, ConfigField>;

/** Validated config with defaults applied; absent optional fields are ''. */
export type ResolvedConfig = Record<string, string>;

export const MAX_IMAGE_URL_LENGTH = 2048;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function isCalendarDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return (
    !Number.isNaN(date.getTime()) &&
    date.getUTCDate() === Number(match[3]) &&
    date.getUTCMonth() + 1 === Number(match[2])
  );
}

/** Why `value` does not fit `field`, or null when it does. */
function checkValue(
  name: string,
  field: ConfigField,
  value: unknown,
): string | null {
  if (typeof value !== 'string') {
    return `${name} must be a string`;
  }
  switch (field.type) {
    case 'text':
      // Code points, as JSON Schema's maxLength counts: an emoji is one character, not two.
      return Array.from(value).length > field.maxLength
        ? `${name} must be at most ${field.maxLength} characters`
        : null;
    case 'enum':
      return field.values.includes(value)
        ? null
        : `${name} must be one of: ${field.values.join(', ')}`;
    case 'date':
      return isCalendarDate(value)
        ? null
        : `${name} must be a date as YYYY-MM-DD`;
    case 'image':
      return value.length <= MAX_IMAGE_URL_LENGTH && isHttpUrl(value)
        ? null
        : `${name} must be an http or https URL of at most ${MAX_IMAGE_URL_LENGTH} characters`;
  }
}

function defaultOf(field: ConfigField): string {
  return field.type === 'text' || field.type === 'enum' ? field.default : '';
}

/**
 * Checks a request's `config` against a template's fields: every unknown field and every value
 * of the wrong type or out of its limits is reported, named as `config.<field>`.
 */
export function validateConfig(
  fields: ConfigFields,
  input: Record<string, unknown>,
): { config: ResolvedConfig; errors: FieldError[] } {
  const errors: FieldError[] = [];
  for (const name of Object.keys(input)) {
    if (!Object.hasOwn(fields, name)) {
      errors.push({
        field: `config.${name}`,
        message: `config.${name} is not a field of this template`,
      });
    }
  }
  const config: ResolvedConfig = {};
  for (const [name, field] of Object.entries(fields)) {
    const value = input[name];
    if (value === undefined) {
      config[name] = defaultOf(field);
      continue;
    }
    const problem = checkValue(`config.${name}`, field, value);
    if (problem) {
      errors.push({ field: `config.${name}`, message: problem });
    } else {
      config[name] = value as string;
    }
  }
  return { config, errors };
}
