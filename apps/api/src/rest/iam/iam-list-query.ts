import { type ApiQueryOptions } from '@nestjs/swagger';
import { queryInteger, type RestParts } from '../rest-operations';

/** `?pathPrefix=/&marker=…&maxItems=1..1000` of the IAM listings. */
export function iamListInput({ query }: RestParts): object {
  return { pathPrefix: query.pathPrefix, marker: query.marker, maxItems: queryInteger(query.maxItems) };
}

/** The IAM listings' query parameters, as documented. */
export const IAM_LIST_QUERY: readonly ApiQueryOptions[] = [
  { name: 'pathPrefix', required: false, type: String, description: 'Only paths starting so; default `/`' },
  { name: 'marker', required: false, type: String, description: 'The `marker` of the previous page' },
  {
    name: 'maxItems',
    required: false,
    type: 'integer',
    minimum: 1,
    maximum: 1000,
    description: 'Page size (default 100); `isTruncated` says whether more remain',
  },
];
