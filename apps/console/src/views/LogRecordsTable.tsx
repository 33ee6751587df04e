import { Fragment, useState } from 'react';
import { type Api } from '../api/client';
import { callerOf, logRecords } from '../api/log-file';
import { ErrorMessage, formatTime, Loading, useLoad } from '../ui';

const COLUMNS = ['Time', 'Event', 'Source', 'Account', 'Region', 'User', 'Error'];

/** A delivered file's records, read through the S3 store; each row expands to its full JSON. */
export function LogRecordsTable({ api, bucket, fileKey }: { api: Api; bucket: string; fileKey: string }) {
  const records = useLoad(
    async () => logRecords(await api.getObject(bucket, fileKey)),
    [api, bucket, fileKey],
  );
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
  const toggle = (index: number) => {
    const next = new Set(expanded);
    if (!next.delete(index)) next.add(index);
    setExpanded(next);
  };

  if (records.loading) return <Loading what="records" />;
  if (records.error) return <ErrorMessage error={records.error} />;
  return (
    <table aria-label="Log records">
      <thead>
        <tr>
          <th scope="col">Record</th>
          {COLUMNS.map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {(records.data ?? []).map((record, index) => (
          <Fragment key={index}>
            <tr>
              <td>
                <button
                  type="button"
                  className="link"
                  aria-expanded={expanded.has(index)}
                  onClick={() => toggle(index)}
                >
                  {expanded.has(index) ? 'Hide' : 'Show'} record {index + 1}
                </button>
              </td>
              <td>{formatTime(record.eventTime)}</td>
              <td>{record.eventName}</td>
              <td>{record.eventSource}</td>
              <td>{record.recipientAccountId ?? record.userIdentity?.accountId}</td>
              <td>{record.awsRegion}</td>
              <td>{callerOf(record)}</td>
              <td>{record.errorCode ?? '—'}</td>
            </tr>
            {expanded.has(index) && (
              <tr>
                <td colSpan={COLUMNS.length + 1}>
                  <pre tabIndex={0}>{JSON.stringify(record, null, 2)}</pre>
                </td>
              </tr>
            )}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}
