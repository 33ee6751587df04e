import { queryInteger, queryList, type RestParts } from '../rest-operations';

/** `?maxResults=1..20&nextToken=…` of every Organizations listing. */
export function pageInput({ query }: RestParts): { maxResults: unknown; nextToken: unknown } {
  return { maxResults: queryInteger(query.maxResults), nextToken: query.nextToken };
}

/** A query list given comma-separated or repeated (`states=FAILED,SUCCEEDED`). */
export function commaList(value: string | string[] | undefined): string[] | undefined {
  return queryList(value)?.flatMap((item) => item.split(','));
}
