import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/**
 * A bounded integer field: validation and the OpenAPI `integer` schema with its bounds in one
 * place (the Swagger plugin cannot read bounds given as constants). Optional fields are also
 * converted from query strings.
 */
export function IntegerField(bounds: {
  min: number;
  max: number;
  optional?: boolean;
  default?: number;
  /** A value that succeeds when the example request is sent as it is. */
  example?: number;
}) {
  const schema = {
    type: 'integer' as const,
    minimum: bounds.min,
    maximum: bounds.max,
    default: bounds.default,
    example: bounds.example,
  };
  return applyDecorators(
    ...(bounds.optional
      ? [IsOptional(), Type(() => Number), ApiPropertyOptional(schema)]
      : [ApiProperty(schema)]),
    IsInt(),
    Min(bounds.min),
    Max(bounds.max),
  );
}
