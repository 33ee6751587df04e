import { queryInteger, type RestParts } from '../rest-operations';

/** `?pathPrefix=/&marker=…&maxItems=1..1000` of the IAM listings. */
export function iamListInput({ query }: RestParts): object {
  return { pathPrefix: query.pathPrefix, marker: query.marker, maxItems: queryInteger(query.maxItems) };
}
