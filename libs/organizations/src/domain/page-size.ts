import { InvalidInputError } from './organization.errors';

/** Organizations list operations return at most 20 items a page (MaxResults 1–20). */
export const MAX_PAGE_SIZE = 20;

export function pageSize(maxResults: number | undefined): number {
  if (maxResults === undefined) return MAX_PAGE_SIZE;
  if (!Number.isInteger(maxResults) || maxResults < 1) {
    throw new InvalidInputError('MIN_VALUE_EXCEEDED', 'MaxResults must be at least 1.');
  }
  if (maxResults > MAX_PAGE_SIZE) {
    throw new InvalidInputError('MAX_VALUE_EXCEEDED', `MaxResults must be at most ${MAX_PAGE_SIZE}.`);
  }
  return maxResults;
}
