import { useState } from 'react';
import { type Api, segment } from '../api/client';
import { ErrorMessage, formatTime, Loading, Section, useLoad } from '../ui';
import { LogRecordsTable } from './LogRecordsTable';
import { type TrailSettings } from './TrailsView';

interface Delivery {
  accountId: string;
  region: string;
  bucket: string;
  key: string;
  deliveredAt: string;
  records: number;
  bytes: number;
  oldestEventTime: string;
  newestEventTime: string;
}

/** The log files each trail delivered, a page at a time; an opened file shows its records. */
export function LogsView({ api }: { api: Api }) {
  const trails = useLoad(() => api.get<{ trailList: TrailSettings[] }>('/v1/trails'), [api]);
  const [trail, setTrail] = useState('');
  const [tokens, setTokens] = useState<Array<string | undefined>>([undefined]);
  const token = tokens[tokens.length - 1];
  const deliveries = useLoad(
    () =>
      trail
        ? api.get<{ deliveries: Delivery[]; nextToken?: string }>(`/v1/trails/${segment(trail)}/deliveries`, {
            nextToken: token,
            maxResults: '50',
          })
        : Promise.resolve(undefined),
    [api, trail, token],
  );
  const [open, setOpen] = useState<Delivery>();

  return (
    <Section title="Logs">
      <ErrorMessage error={trails.error} />
      <form className="filters" onSubmit={(event) => event.preventDefault()}>
        <label>
          Trail
          <select
            value={trail}
            onChange={(event) => {
              setTrail(event.target.value);
              setTokens([undefined]);
              setOpen(undefined);
            }}
          >
            <option value="">Choose a trail</option>
            {(trails.data?.trailList ?? []).map((t) => (
              <option key={t.trailArn} value={t.trailArn}>
                {t.name} → s3://{t.s3BucketName}
              </option>
            ))}
          </select>
        </label>
        <button type="button" disabled={!trail} onClick={deliveries.reload}>
          Refresh
        </button>
      </form>
      <ErrorMessage error={deliveries.error} />
      {deliveries.loading && trail && <Loading what="delivered files" />}
      {deliveries.data && (
        <>
          <table aria-label="Delivered files">
            <thead>
              <tr>
                <th scope="col">Delivered</th>
                <th scope="col">Account</th>
                <th scope="col">Region</th>
                <th scope="col">Records</th>
                <th scope="col">File</th>
              </tr>
            </thead>
            <tbody>
              {deliveries.data.deliveries.map((file) => (
                <tr key={file.key}>
                  <td>{formatTime(file.deliveredAt)}</td>
                  <td>{file.accountId}</td>
                  <td>{file.region}</td>
                  <td>{file.records}</td>
                  <td>
                    <button type="button" className="link" onClick={() => setOpen(file)}>
                      {file.key.split('/').pop()}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {deliveries.data.deliveries.length === 0 && <p>No files delivered yet.</p>}
          <div className="actions">
            <button type="button" disabled={tokens.length < 2} onClick={() => setTokens(tokens.slice(0, -1))}>
              Previous page
            </button>
            <button
              type="button"
              disabled={!deliveries.data.nextToken}
              onClick={() => setTokens([...tokens, deliveries.data?.nextToken])}
            >
              Next page
            </button>
          </div>
        </>
      )}
      {open && (
        <section aria-label="Log file" className="record">
          <h3>{open.key.split('/').pop()}</h3>
          <dl className="settings">
            <dt>Location</dt>
            <dd>
              s3://{open.bucket}/{open.key}
            </dd>
            <dt>Records</dt>
            <dd>{open.records}</dd>
            <dt>Size</dt>
            <dd>{open.bytes} bytes (gzip)</dd>
            <dt>Events</dt>
            <dd>
              {formatTime(open.oldestEventTime)} to {formatTime(open.newestEventTime)}
            </dd>
          </dl>
          <LogRecordsTable key={open.key} api={api} bucket={open.bucket} fileKey={open.key} />
        </section>
      )}
    </Section>
  );
}
