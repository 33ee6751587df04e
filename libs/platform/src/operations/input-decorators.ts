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

const OPAQUE_MEMBERS = new WeakMap<object, Set<string>>();

/**
 * A member passed to the use case exactly as received (its own constraints checked, its contents
 * neither copied nor transformed): for bulk JSON the use case checks value by value, such as the
 * records of PutServiceEvents, where a generic deep copy would cost more than the work itself.
 */
export function opaqueMember(): PropertyDecorator {
  return (target, key) => {
    const members = OPAQUE_MEMBERS.get(target.constructor) ?? new Set<string>();
    members.add(String(key));
    OPAQUE_MEMBERS.set(target.constructor, members);
  };
}

/** The opaque members of an input class. */
export function opaqueMembersOf(type: new () => object): ReadonlySet<string> {
  return OPAQUE_MEMBERS.get(type) ?? new Set<string>();
}
