import { type LookupQuery } from '../domain/lookup-query';

/** Where a page of LookupEvents stopped: the last event's time and id (newest first). */
export interface EventCursor {
  readonly eventTime: Date;
  readonly eventId: string;
}

/** The hashed-key lookup indexes: the attribute's column and the text its key hashes. */
const INDEXED = {
  EventName: { column: 'event_name', key: 'event_name' },
  EventSource: { column: 'event_source', key: 'event_source' },
  ReadOnly: { column: 'read_only', key: 'read_only::text' },
  Username: { column: 'username', key: 'username' },
  AccessKeyId: { column: 'access_key_id', key: 'access_key_id' },
} as const;

const SELECTED = 'e.event_time, e.event_id, e.username, events_record(e) AS record';
const NEWEST = 'ORDER BY event_time DESC, event_id DESC';

/**
 * The SQL of one LookupEvents page, or undefined when no event can match. Every branch walks one
 * index keyed on events_lookup_key(account, Region, value) in time order, and compares the columns
 * as well (the key is a hash). An unfiltered page has no index of its own: it merges the newest
 * read-only and the newest mutating events.
 */
export function lookupSql(
  accountId: string,
  region: string,
  query: LookupQuery,
  cursor: EventCursor | undefined,
  limit: number,
): { text: string; values: unknown[] } | undefined {
  const values: unknown[] = [accountId, region, query.startTime, query.endTime];
  const param = (value: unknown): string => {
    values.push(value);
    return `$${values.length}`;
  };
  const window = (alias: string): string => {
    const bounds = `${alias}.account_id = $1 AND ${alias}.region = $2 AND ${alias}.event_time BETWEEN $3 AND $4`;
    if (!cursor) return bounds;
    return `${bounds} AND (${alias}.event_time, ${alias}.event_id) < (${param(cursor.eventTime)}::timestamptz, ${param(cursor.eventId)}::uuid)`;
  };
  const attribute = query.attribute;
  let text: string;
  if (attribute?.key === 'ResourceName' || attribute?.key === 'ResourceType') {
    const value = param(attribute.value);
    const column = attribute.key === 'ResourceName' ? 'resource_name' : 'resource_type';
    text = `SELECT ${SELECTED} FROM event_resources r
             JOIN events e ON e.event_id = r.event_id AND e.event_time = r.event_time AND e.account_id = r.account_id
             WHERE events_lookup_key(r.account_id, r.region, r.${column}) = events_lookup_key($1, $2, ${value})
               AND r.${column} = ${value} ${attribute.key === 'ResourceType' ? 'AND r.is_arn' : ''}
               AND ${window('r')} AND e.management
             ORDER BY r.event_time DESC, r.event_id DESC LIMIT ${param(limit)}`;
  } else if (attribute?.key === 'EventId') {
    if (!/^[0-9a-f-]{36}$/i.test(attribute.value)) return undefined;
    text = `SELECT ${SELECTED} FROM events e
             WHERE e.event_id = ${param(attribute.value)}::uuid AND ${window('e')} AND e.management
             ${NEWEST} LIMIT ${param(limit)}`;
  } else if (attribute) {
    if (attribute.key === 'ReadOnly' && attribute.value !== 'true' && attribute.value !== 'false')
      return undefined;
    const index = INDEXED[attribute.key];
    const value = param(attribute.value);
    const match = attribute.key === 'ReadOnly' ? `${value}::boolean` : value;
    text = `SELECT ${SELECTED} FROM events e
             WHERE events_lookup_key(e.account_id, e.region, e.${index.key}) = events_lookup_key($1, $2, ${value})
               AND e.${index.column} = ${match} AND ${window('e')} AND e.management
             ${NEWEST} LIMIT ${param(limit)}`;
  } else {
    const bounds = window('e');
    const count = param(limit);
    const half = (readOnly: string) =>
      `(SELECT ${SELECTED} FROM events e
         WHERE events_lookup_key(e.account_id, e.region, e.read_only::text) = events_lookup_key($1, $2, '${readOnly}')
           AND e.read_only = ${readOnly} AND ${bounds} AND e.management
         ${NEWEST} LIMIT ${count})`;
    text = `SELECT * FROM (${half('true')} UNION ALL ${half('false')}) AS page ${NEWEST} LIMIT ${count}`;
  }
  return { text, values };
}
