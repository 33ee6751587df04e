import { isAccountId, isOrganizationalUnitId, isRootId } from './organization-ids';
import { isPolicyId } from './organization-policy';
import { ConstraintViolationError, InvalidInputError } from './organization.errors';

/*
 * Tags of Organizations' resources (TagResource, UntagResource, ListTagsForResource, and the Tags of
 * CreateAccount, CreateOrganizationalUnit and CreatePolicy): the model's key and value lengths, at
 * most 50 per resource, and no `aws:` keys (AWS reserves them).
 */

export interface Tag {
  readonly key: string;
  readonly value: string;
}

export type TaggableResourceType = 'ACCOUNT' | 'ORGANIZATIONAL_UNIT' | 'ROOT' | 'POLICY';

export const MAX_TAGS_PER_RESOURCE = 50;
const KEY_MAX = 128;
const VALUE_MAX = 256;

function checkKey(key: string, field: string): void {
  if (key.length < 1) throw new InvalidInputError('MIN_LENGTH_EXCEEDED', `${field} must not be empty.`);
  if (key.length > KEY_MAX) {
    throw new InvalidInputError('MAX_LENGTH_EXCEEDED', `${field} must be at most ${KEY_MAX} characters.`);
  }
  if (key.toLowerCase().startsWith('aws:')) {
    throw new InvalidInputError(
      'INVALID_SYSTEM_TAGS_PARAMETER',
      "You specified a tag key that is a system tag. You can't add, edit, or delete system tag keys because they're reserved for AWS use.",
    );
  }
}

/** A request's `Tags`: each key and value checked, keys unique within the request. */
export function parseTags(tags: readonly Tag[] | undefined): Tag[] {
  if (tags === undefined) return [];
  const keys = new Set<string>();
  for (const tag of tags) {
    checkKey(tag.key, 'Tag key');
    if (tag.value.length > VALUE_MAX) {
      throw new InvalidInputError(
        'MAX_LENGTH_EXCEEDED',
        `Tag value must be at most ${VALUE_MAX} characters.`,
      );
    }
    if (keys.has(tag.key)) {
      throw new InvalidInputError(
        'DUPLICATE_TAG_KEY',
        'Tag keys must be unique among the tags attached to the same entity.',
      );
    }
    keys.add(tag.key);
  }
  if (tags.length > MAX_TAGS_PER_RESOURCE) throw tooManyTags();
  return tags.map((tag) => ({ key: tag.key, value: tag.value }));
}

/** UntagResource's `TagKeys`. */
export function parseTagKeys(keys: readonly string[]): string[] {
  if (keys.length === 0) throw new InvalidInputError('INPUT_REQUIRED', 'TagKeys must name at least one key.');
  for (const key of keys) checkKey(key, 'Tag key');
  return [...new Set(keys)];
}

/** TagResource adds and overwrites: the resource must stay within 50 tags. */
export function assertTagRoom(existingKeys: readonly string[], added: readonly Tag[]): void {
  const keys = new Set([...existingKeys, ...added.map((tag) => tag.key)]);
  if (keys.size > MAX_TAGS_PER_RESOURCE) throw tooManyTags();
}

function tooManyTags(): ConstraintViolationError {
  return new ConstraintViolationError(
    'MAX_TAG_LIMIT_EXCEEDED',
    `You have exceeded the number of tags allowed on this resource (${MAX_TAGS_PER_RESOURCE}).`,
  );
}

/** A `ResourceId`: an account, an OU, the root or a policy. */
export function taggableResourceTypeOf(resourceId: string): TaggableResourceType {
  if (isAccountId(resourceId)) return 'ACCOUNT';
  if (isOrganizationalUnitId(resourceId)) return 'ORGANIZATIONAL_UNIT';
  if (isRootId(resourceId)) return 'ROOT';
  if (isPolicyId(resourceId)) return 'POLICY';
  throw new InvalidInputError(
    'INVALID_PATTERN',
    `ResourceId ${JSON.stringify(resourceId.slice(0, 130))} doesn't match the required pattern.`,
  );
}
