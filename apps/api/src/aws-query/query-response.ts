import { escapeXml } from '../http/error-rendering';

/**
 * Renders an AWS query-protocol response: `<OpResponse><OpResult>…</OpResult><ResponseMetadata>`,
 * members as nested elements, lists as `<member>` items, dates as ISO-8601 (what botocore parses).
 */
export function renderQueryResponse(
  operation: string,
  namespace: string,
  result: Record<string, unknown> | undefined,
  requestId: string,
): string {
  const body = result ? `<${operation}Result>${renderMembers(result)}</${operation}Result>` : '';
  return (
    `<${operation}Response xmlns="${namespace}">${body}` +
    `<ResponseMetadata><RequestId>${escapeXml(requestId)}</RequestId></ResponseMetadata></${operation}Response>`
  );
}

function renderMembers(value: Record<string, unknown>): string {
  return Object.entries(value)
    .filter(([, member]) => member !== undefined && member !== null)
    .map(([name, member]) => `<${name}>${renderValue(member)}</${name}>`)
    .join('');
}

function renderValue(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item) => `<member>${renderValue(item)}</member>`).join('');
  if (typeof value === 'object' && value !== null) return renderMembers(value as Record<string, unknown>);
  return escapeXml(String(value));
}
