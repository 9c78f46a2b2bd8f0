import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsObject,
  isObject,
  ValidateNested,
  type ValidationArguments,
} from 'class-validator';

/** Names the first element that is not an object, as nested errors name theirs (`files.0`). */
export function notAnObjectMessage({
  property,
  value,
}: ValidationArguments): string {
  const index = Array.isArray(value)
    ? value.findIndex((item) => !isObject(item))
    : -1;
  return index === -1
    ? `${property} must be an object`
    : `${property}.${index} must be an object`;
}

/**
 * A nested DTO, or with `each` an array of them. `ValidateNested` alone lets through an array
 * where an element should be (it recurses into `[[]]` and finds nothing to check), so the handler
 * received arrays in place of DTOs; requiring objects closes that.
 *
 * class-validator runs a property's checks in the order decorators are applied, bottom-up, and
 * reports only the first failure: put this decorator last so the shape is checked before sizes.
 */
export function NestedDto(
  type: () => new () => object,
  { each = false }: { each?: boolean } = {},
) {
  return applyDecorators(
    ...(each ? [IsArray()] : []),
    IsObject({ each, message: notAnObjectMessage }),
    ValidateNested({ each }),
    Type(type),
  );
}
