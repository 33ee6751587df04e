import { IamValidationError } from './iam.errors';

/*
 * Names, paths and tags of IAM entities (the IAM API reference's constraints). Violations answer
 * ValidationError with the AWS wording `1 validation error detected: Value '…' at '…' failed to
 * satisfy constraint: …`.
 */

const NAME_CHARACTERS = /^[\w+=,.@-]+$/;
const PATH = /^(\/|\/[\u0021-\u007E]+\/)$/;
const SESSION_NAME = /^[\w+=,.@-]*$/;

export const IAM_LIMITS = {
  userName: 64,
  roleName: 64,
  policyName: 128,
  path: 512,
  description: 1_000,
  tagsPerEntity: 50,
  tagKey: 128,
  tagValue: 256,
} as const;

export interface Tag {
  readonly key: string;
  readonly value: string;
}

function invalid(value: string, member: string, constraint: string): IamValidationError {
  const shown = value.length > 100 ? `${value.slice(0, 100)}…` : value;
  return new IamValidationError(
    `1 validation error detected: Value '${shown}' at '${member}' failed to satisfy constraint: ${constraint}`,
  );
}

function assertLength(value: string, member: string, min: number, max: number): void {
  if (value.length < min)
    throw invalid(value, member, `Member must have length greater than or equal to ${min}`);
  if (value.length > max)
    throw invalid(value, member, `Member must have length less than or equal to ${max}`);
}

function assertName(value: string, member: string, max: number): void {
  assertLength(value, member, 1, max);
  if (!NAME_CHARACTERS.test(value)) {
    throw invalid(value, member, 'Member must satisfy regular expression pattern: [\\w+=,.@-]+');
  }
}

export function assertUserName(value: string): void {
  assertName(value, 'userName', IAM_LIMITS.userName);
}

export function assertRoleName(value: string): void {
  assertName(value, 'roleName', IAM_LIMITS.roleName);
}

/** Managed and inline policy names. */
export function assertPolicyName(value: string): void {
  assertName(value, 'policyName', IAM_LIMITS.policyName);
}

/** `/` or `/division/team/`: starts and ends with a slash. Defaults to `/`. */
export function normalizePath(value: string | undefined): string {
  if (value === undefined) return '/';
  assertLength(value, 'path', 1, IAM_LIMITS.path);
  if (!PATH.test(value)) {
    throw invalid(
      value,
      'path',
      'Member must satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)',
    );
  }
  return value;
}

export function assertDescription(value: string | undefined): void {
  if (value !== undefined) assertLength(value, 'description', 0, IAM_LIMITS.description);
}

export function assertRoleSessionName(value: string): void {
  assertLength(value, 'roleSessionName', 2, 64);
  if (!SESSION_NAME.test(value)) {
    throw invalid(value, 'roleSessionName', 'Member must satisfy regular expression pattern: [\\w+=,.@-]*');
  }
}

/** Tags of a user or role: unique keys (ignoring case), at most 50, keys 1–128, values 0–256. */
export function normalizeTags(tags: readonly { key: string; value?: string }[] | undefined): Tag[] {
  const list = (tags ?? []).map((tag) => ({ key: tag.key, value: tag.value ?? '' }));
  if (list.length > IAM_LIMITS.tagsPerEntity) {
    throw new IamValidationError(
      `1 validation error detected: Value at 'tags' failed to satisfy constraint: Member must have length less than or equal to ${IAM_LIMITS.tagsPerEntity}`,
    );
  }
  const seen = new Set<string>();
  for (const tag of list) {
    assertLength(tag.key, 'tags.member.key', 1, IAM_LIMITS.tagKey);
    assertLength(tag.value, 'tags.member.value', 0, IAM_LIMITS.tagValue);
    const folded = tag.key.toLowerCase();
    if (seen.has(folded))
      throw new IamValidationError(
        'Duplicate tag keys found. Please note that Tag keys are case insensitive.',
      );
    seen.add(folded);
  }
  return list;
}
