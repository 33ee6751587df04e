/** The XML namespaces of the query-protocol services' answers, errors included. */
export const QUERY_NAMESPACES = {
  sts: 'https://sts.amazonaws.com/doc/2011-06-15/',
  iam: 'https://iam.amazonaws.com/doc/2010-05-08/',
} as const;

/** A signed request's service's namespace; STS's for any other (or an unsigned request). */
export function queryNamespaceOf(signingService: string | undefined): string {
  return signingService === 'iam' ? QUERY_NAMESPACES.iam : QUERY_NAMESPACES.sts;
}
