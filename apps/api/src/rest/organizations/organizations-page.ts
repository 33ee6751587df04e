import { type ApiQueryOptions } from '@nestjs/swagger';
import { queryInteger, queryList, type RestParts } from '../rest-operations';

/** `?maxResults=1..20&nextToken=…` of every Organizations listing. */
export function pageInput({ query }: RestParts): { maxResults: unknown; nextToken: unknown } {
  return { maxResults: queryInteger(query.maxResults), nextToken: query.nextToken };
}

/** A query list given comma-separated or repeated (`states=FAILED,SUCCEEDED`). */
export function commaList(value: string | string[] | undefined): string[] | undefined {
  return queryList(value)?.flatMap((item) => item.split(','));
}

/** The Organizations listings' query parameters, as documented. */
export const ORGANIZATIONS_PAGE_QUERY: readonly ApiQueryOptions[] = [
  {
    name: 'maxResults',
    required: false,
    type: 'integer',
    minimum: 1,
    maximum: 20,
    description: 'Default 20',
  },
  {
    name: 'nextToken',
    required: false,
    type: String,
    description: 'The `nextToken` of the previous page (absent on the last one)',
  },
];
