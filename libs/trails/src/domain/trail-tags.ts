import { type Tag } from './trail';
import { InvalidParameterError, InvalidTagParameterError, TagsLimitExceededError } from './trail.errors';

/** Tag rules (cloudtrail.md §2.13, §3.9). */

export const MAX_TAGS_PER_TRAIL = 50;
export const MAX_LIST_TAGS_RESOURCES = 20;
export const TAG_KEY_MAX_LENGTH = 128;
export const TAG_VALUE_MAX_LENGTH = 256;

/** Letters, digits and white space of any script, plus `_ . : / = + - @` (AWS tagging rules). */
const TAG_CHARACTERS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
const ALLOWED_CHARACTERS = 'Tags can contain letters, numbers, spaces, and the characters _ . : / = + - @.';
const RESERVED_KEY_PREFIX = 'aws:';

/**
 * Throws `InvalidTagParameterException` unless every tag has a key of 1–128 and a value of 0–256
 * Unicode characters (a missing value is allowed), made of the AWS tag characters; keys are unique
 * within the request and do not start with `aws:` in any letter case, which AWS reserves for its
 * own tags. Used for CreateTrail's TagsList, AddTags and RemoveTags.
 */
export function validateTags(tags: readonly Tag[]): void {
  const keys = new Set<string>();
  for (const { key, value } of tags) {
    const keyLength = [...key].length;
    if (keyLength < 1 || keyLength > TAG_KEY_MAX_LENGTH) {
      throw new InvalidTagParameterError(
        `Tag key must be 1 to ${TAG_KEY_MAX_LENGTH} characters long. Specified key length: ${keyLength} characters.`,
      );
    }
    if (!TAG_CHARACTERS.test(key)) {
      throw new InvalidTagParameterError(
        `Tag key ${key} contains characters that are not allowed. ${ALLOWED_CHARACTERS}`,
      );
    }
    if (key.toLowerCase().startsWith(RESERVED_KEY_PREFIX)) {
      throw new InvalidTagParameterError(
        `Tag key ${key} is invalid: the aws: prefix is reserved for AWS use.`,
      );
    }
    if (value !== undefined) {
      const valueLength = [...value].length;
      if (valueLength > TAG_VALUE_MAX_LENGTH) {
        throw new InvalidTagParameterError(
          `Value of tag ${key} must be at most ${TAG_VALUE_MAX_LENGTH} characters long. Specified value length: ${valueLength} characters.`,
        );
      }
      if (!TAG_CHARACTERS.test(value)) {
        throw new InvalidTagParameterError(
          `Value of tag ${key} contains characters that are not allowed. ${ALLOWED_CHARACTERS}`,
        );
      }
    }
    if (keys.has(key)) throw new InvalidTagParameterError(`Tag key ${key} is specified more than once.`);
    keys.add(key);
  }
}

/**
 * The trail's tags after AddTags: an existing key takes the new value (or loses its value when
 * none is given), new keys are appended in request order. More than 50 tags on the trail →
 * `TagsLimitExceededException`. Keys compare case-sensitively, as AWS tag keys do.
 */
export function mergeTags(existing: readonly Tag[], added: readonly Tag[]): Tag[] {
  const merged = new Map(existing.map((tag) => [tag.key, tag]));
  for (const tag of added) merged.set(tag.key, tag);
  if (merged.size > MAX_TAGS_PER_TRAIL) {
    throw new TagsLimitExceededError(merged.size, MAX_TAGS_PER_TRAIL);
  }
  return [...merged.values()];
}

/**
 * The trail's tags after RemoveTags, which removes by key whatever the value in the request;
 * keys the trail does not have are ignored.
 */
export function removeTags(existing: readonly Tag[], keys: readonly string[]): Tag[] {
  const removed = new Set(keys);
  return existing.filter((tag) => !removed.has(tag.key));
}

/** ListTags takes at most 20 resource ARNs; more → `InvalidParameterException` (decision 10). */
export function validateListTagsResourceIds(resourceIds: readonly string[]): void {
  if (resourceIds.length > MAX_LIST_TAGS_RESOURCES) {
    throw new InvalidParameterError(
      `ResourceIdList can contain at most ${MAX_LIST_TAGS_RESOURCES} resource ARNs; ${resourceIds.length} were specified.`,
    );
  }
}
