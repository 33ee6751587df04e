import { type OperationInput, opaqueMembersOf } from '@app/platform';
import { TransformationType } from 'class-transformer';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { getMetadataStorage } from 'class-validator';
import { type ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

/** One member's checks; true when the member's value passes them all. */
type MemberCheck = (value: unknown) => boolean;

/** A member's checks, and for a list of structures (`listOf`) the structure's own plan. */
interface MemberPlan {
  readonly check: MemberCheck;
  readonly items?: CompiledInput;
}

/** The members of an input class and their checks, compiled once from class-validator's metadata. */
interface CompiledInput {
  readonly type: new () => object;
  readonly members: ReadonlyMap<string, MemberPlan>;
}

/**
 * A fast yes for valid inputs: class-validator re-reads every class's metadata on each call (its
 * cost grows with the number of input classes), and the request path validates every call. This
 * compiles each input class once into plain checks, for the constraints listed here only; an input
 * class with anything else (patterns, dates, single nested structures, transforms) is not compiled. A compiled
 * check answers only "valid", with the input built as class-transformer would have built it, or
 * "ask class-validator": it never reports a failure itself, so refusals and their messages stay
 * class-validator's. Sound by construction: each check accepts a subset of what its constraint does.
 */
const CONSTRAINTS: Readonly<Record<string, (args: readonly unknown[]) => MemberCheck | undefined>> = {
  isString: () => (value) => typeof value === 'string',
  // validator.js counts a surrogate pair or a variation selector as no more than one character.
  maxLength: ([max]) =>
    typeof max === 'number' ? (v) => typeof v === 'string' && v.length <= max : undefined,
  isBoolean: () => (value) => typeof value === 'boolean',
  isInt: () => (value) => typeof value === 'number' && Number.isInteger(value),
  min: ([min]) => (typeof min === 'number' ? (v) => typeof v === 'number' && v >= min : undefined),
  max: ([max]) => (typeof max === 'number' ? (v) => typeof v === 'number' && v <= max : undefined),
  isIn: ([values]) => (Array.isArray(values) ? (v) => values.some((allowed) => allowed === v) : undefined),
  isArray: () => (value) => Array.isArray(value),
  isObject: () => (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  arrayMaxSize: ([max]) => (typeof max === 'number' ? (v) => Array.isArray(v) && v.length <= max : undefined),
};

const compiled = new WeakMap<object, CompiledInput | null>();

/**
 * The input as class-transformer and class-validator would have made it when it is certainly valid
 * (`strict`: unknown members are refused, else dropped), or undefined: validate it the slow way.
 */
export function checkedFast<I extends object>(
  type: OperationInput<I>,
  members: object,
  strict: boolean,
): I | undefined {
  const plan = planOf(type);
  return plan === undefined ? undefined : (built(plan, members as Record<string, unknown>, strict) as I);
}

function planOf(type: new () => object): CompiledInput | undefined {
  let plan = compiled.get(type);
  if (plan === undefined) {
    // Marked first: a structure that contains itself is left to class-validator.
    compiled.set(type, null);
    plan = compile(type) ?? null;
    compiled.set(type, plan);
  }
  return plan ?? undefined;
}

/** An instance of the plan's class from certainly valid members, or undefined. */
function built(plan: CompiledInput, given: Record<string, unknown>, strict: boolean): object | undefined {
  const input = new plan.type() as Record<string, unknown>;
  for (const key in given) {
    if (!Object.hasOwn(given, key)) continue;
    const value = given[key];
    // A JSON null means "not set" (inputMembers drops it).
    if (value === null || value === undefined) continue;
    const member = plan.members.get(key);
    if (member === undefined) {
      if (strict) return undefined;
      continue;
    }
    if (!member.check(value)) return undefined;
    if (member.items) {
      const items: object[] = [];
      for (const item of value as Record<string, unknown>[]) {
        const one = built(member.items, item, strict);
        if (one === undefined) return undefined;
        items.push(one);
      }
      input[key] = items;
    } else if (Array.isArray(value)) {
      // Copied as class-transformer copies it: only lists of plain values are taken here.
      if (!value.every(isPlainValue)) return undefined;
      input[key] = [...(value as unknown[])];
    } else if (isPlainValue(value)) input[key] = value;
    else return undefined;
  }
  for (const [key, member] of plan.members) {
    const value = given[key];
    if ((value === null || value === undefined) && !member.check(undefined)) return undefined;
  }
  return input;
}

function isPlainValue(value: unknown): boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function compile(type: OperationInput<object>): CompiledInput | undefined {
  if (opaqueMembersOf(type).size > 0) return undefined;
  if (
    defaultMetadataStorage.getExposedMetadatas(type).length > 0 ||
    defaultMetadataStorage.getExcludedMetadatas(type).length > 0
  ) {
    return undefined;
  }
  const byMember = new Map<string, ValidationMetadata[]>();
  for (const metadata of getMetadataStorage().getTargetValidationMetadatas(type, '', false, false)) {
    byMember.set(metadata.propertyName, [...(byMember.get(metadata.propertyName) ?? []), metadata]);
  }
  const members = new Map<string, MemberPlan>();
  for (const [name, metadatas] of byMember) {
    if (
      defaultMetadataStorage.findTransformMetadatas(type, name, TransformationType.PLAIN_TO_CLASS).length > 0
    )
      return undefined;
    const typed = defaultMetadataStorage.findTypeMetadata(type, name);
    const nested = metadatas.filter((metadata) => metadata.type === 'nestedValidation');
    let items: CompiledInput | undefined;
    if (typed !== undefined || nested.length > 0) {
      // Only a list of structures of one class, each validated (`listOf`).
      const itemType = typed?.typeFunction() as (new () => object) | undefined;
      if (!itemType || typed?.options?.discriminator || nested.length !== 1 || !nested[0].each)
        return undefined;
      if (!metadatas.some((metadata) => metadata.name === 'isArray')) return undefined;
      items = planOf(itemType);
      if (items === undefined) return undefined;
    }
    const check = memberCheck(metadatas.filter((metadata) => metadata.type !== 'nestedValidation'));
    if (check === undefined) return undefined;
    members.set(name, { check, items });
  }
  return { type, members };
}

/** A member's constraints as one check (an absent member passes only when optional), or undefined. */
function memberCheck(metadatas: readonly ValidationMetadata[]): MemberCheck | undefined {
  let optional = false;
  let defined = false;
  const checks: MemberCheck[] = [];
  for (const metadata of metadatas) {
    if (metadata.groups?.length || metadata.always !== undefined || metadata.validateIf) return undefined;
    if (metadata.type === 'conditionalValidation' && metadata.name === 'isOptional') optional = true;
    else if (metadata.type === 'whitelistValidation') continue;
    else if (metadata.type === 'isDefined') defined = true;
    else if (metadata.type === 'customValidation' && metadata.name !== undefined) {
      const check = CONSTRAINTS[metadata.name]?.(metadata.constraints ?? []);
      if (check === undefined) return undefined;
      checks.push(metadata.each ? (value) => Array.isArray(value) && value.every(check) : check);
    } else return undefined;
  }
  // Absent: IsDefined refuses it even when optional; any other constraint refuses it unless optional.
  const absentPasses = !defined && (optional || checks.length === 0);
  return (value) => (value === undefined ? absentPasses : checks.every((check) => check(value)));
}
