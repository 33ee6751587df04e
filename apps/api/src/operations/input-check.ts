import { type OperationInput, opaqueMembersOf } from '@app/platform';
import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import { checkedFast } from './compiled-input-check';

/** One member of an input that breaks its constraints. */
export interface InputFailure {
  /** The member's path in the operation's input (`tagsList.0.key`). */
  readonly path: string;
  /** class-validator's constraint names (`maxLength`, `isString`), or `isDefined` for a missing member. */
  readonly constraints: readonly string[];
  /** class-validator's messages, without the member name. */
  readonly messages: readonly string[];
  /** The value received: undefined when missing. */
  readonly value: unknown;
}

export interface CheckedInput<I> {
  /** The input as typed members; meaningful only without failures. */
  readonly input: I;
  readonly failures: readonly InputFailure[];
}

/**
 * Validates an input against the operation's input class. `strict` refuses members the class does
 * not know (REST); otherwise they are dropped (SDKs may send members newer than ours). A member that
 * is missing fails once, as required, whatever else its constraints say.
 */
export async function checkInput<I extends object>(
  type: OperationInput<I>,
  members: object,
  strict: boolean,
): Promise<CheckedInput<I>> {
  const fast = checkedFast(type, members, strict);
  if (fast !== undefined) return { input: fast, failures: [] };
  return checkInputWithClassValidator(type, members, strict);
}

/** `checkInput` without its compiled fast path: class-transformer and class-validator themselves. */
export async function checkInputWithClassValidator<I extends object>(
  type: OperationInput<I>,
  members: object,
  strict: boolean,
): Promise<CheckedInput<I>> {
  const opaque = opaqueMembersOf(type);
  const input = plainToInstance(type, inputMembers(withoutOpaque(members, opaque)), {
    excludeExtraneousValues: false,
  });
  for (const name of opaque) {
    const value = (members as Record<string, unknown>)[name];
    if (value !== undefined && value !== null) Object.assign(input, { [name]: value });
  }
  const errors = await validate(input, {
    whitelist: true,
    forbidNonWhitelisted: strict,
    // An input class without constraints (no members) would otherwise be refused as "an unknown value".
    forbidUnknownValues: false,
    stopAtFirstError: false,
    validationError: { target: false, value: true },
  });
  return { input, failures: failuresOf(errors) };
}

function failuresOf(errors: readonly ValidationError[], parent = ''): InputFailure[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const constraints = error.constraints ?? {};
    const names = Object.keys(constraints);
    const own: InputFailure[] = [];
    if (names.includes('whitelistValidation')) {
      own.push({
        path,
        constraints: ['unknownMember'],
        messages: ['is not a member of this input'],
        value: error.value,
      });
    } else if (names.length > 0) {
      own.push(
        error.value === undefined
          ? { path, constraints: ['isDefined'], messages: ['is required'], value: undefined }
          : {
              path,
              constraints: names,
              messages: names.map((name) => withoutProperty(constraints[name], error.property)),
              value: error.value,
            },
      );
    }
    return [...own, ...failuresOf(error.children ?? [], path)];
  });
}

function withoutProperty(message: string, property: string): string {
  return message.startsWith(`${property} `) ? message.slice(property.length + 1) : message;
}

/**
 * The members of an input as validation should see them. A JSON `null` member means "not set"
 * (SDKs omit unset members), and `@IsOptional()` would let it through to the use case; keys that
 * reach prototypes are no member of any input. Bodies are depth-limited before parsing.
 */
export function inputMembers(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(inputMembers);
  if (typeof value !== 'object' || value === null || Buffer.isBuffer(value) || value instanceof Date)
    return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key, member]) => member !== null && key !== 'constructor' && key !== '__proto__')
      .map(([key, member]) => [key, inputMembers(member)]),
  );
}

function withoutOpaque(members: object, opaque: ReadonlySet<string>): object {
  if (opaque.size === 0) return members;
  return Object.fromEntries(Object.entries(members).filter(([name]) => !opaque.has(name)));
}

/** A plain copy of a validated input, as events record it (undefined members dropped). */
export function plainInput(input: object): Record<string, unknown> {
  return JSON.parse(JSON.stringify(input)) as Record<string, unknown>;
}
