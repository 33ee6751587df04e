/**
 * A value read from a signature not yet verified (access key ID, Region), as a query parameter.
 * PostgreSQL text cannot hold U+0000, so such a value names nothing: it is sent as NULL, which
 * matches no row, rather than failing the query (and every lookup batched with it).
 */
export function signatureText(value: string | null): string | null {
  return value === null || value.includes('\u0000') ? null : value;
}
