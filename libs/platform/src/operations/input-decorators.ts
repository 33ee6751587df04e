import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';

/** Applies several property decorators as one. */
export function members(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
}

/** A list of at most `max` structures of `type`, each validated. */
export function listOf(type: () => new () => object, max: number): PropertyDecorator {
  return members(
    IsArray(),
    ArrayMaxSize(max),
    ValidateNested({ each: true }),
    IsObject({ each: true }),
    Type(type),
  );
}

/** A list of at most `max` strings of at most `length` characters. */
export function stringsOf(max: number, length: number): PropertyDecorator {
  return members(IsArray(), ArrayMaxSize(max), IsString({ each: true }), MaxLength(length, { each: true }));
}

/** An optional string of at most `length` characters. */
export function optionalText(length: number): PropertyDecorator {
  return members(IsOptional(), IsString(), MaxLength(length));
}
