import { useEffect, useState } from 'react';
import { type Api } from '../api/client';
import { ErrorMessage, formatTime, Loading, Section, useLoad } from '../ui';

type Status = 'disabled' | 'gap' | 'failing' | 'not-logging' | 'covered';

interface Coverage {
  regions: string[];
  trails: Array<{
    arn: string;
    name: string;
    ownerAccountId: string;
    isOrganizationTrail: boolean;
    isLogging: boolean;
    propagated: boolean;
    propagationError: string | null;
    latestDeliveryTime: string | null;
    latestDeliveryError: string | null;
  }>;
  accounts: Array<{
    accountId: string;
    name: string;
    parentId: string | null;
    cells: Array<{ status: Status; trails: number[]; latestDeliveryTime: string | null }>;
  }>;
}

const LABELS: Record<Status, string> = {
  covered: 'covered',
  'not-logging': 'not logging',
  failing: 'failing',
  gap: 'gap',
  disabled: 'off',
};

/** Accounts × Regions, from one call to GET /v1/coverage; gaps and failures stand out. */
export function CoverageView({ api }: { api: Api }) {
  const [ou, setOu] = useState('');
  const [trail, setTrail] = useState('');
  const coverage = useLoad(
    () => api.get<Coverage>('/v1/coverage', { organizationalUnitId: ou, trail }),
    [api, ou, trail],
  );
  const data = coverage.data;
  // The roots and OUs to filter by: those of the unfiltered matrix, kept while a filter is on.
  const [parents, setParents] = useState<string[]>([]);
  const [trailOptions, setTrailOptions] = useState<Coverage['trails']>([]);
  useEffect(() => {
    if (!data || ou || trail) return;
    setParents([...new Set(data.accounts.flatMap((a) => a.parentId ?? []))]);
    setTrailOptions(data.trails);
  }, [data, ou, trail]);
  const counts = new Map<Status, number>();
  for (const account of data?.accounts ?? []) {
    for (const cell of account.cells) counts.set(cell.status, (counts.get(cell.status) ?? 0) + 1);
  }

  return (
    <Section title="Coverage">
      <form className="filters" onSubmit={(event) => event.preventDefault()}>
        <label>
          Root or OU
          <select value={ou} onChange={(event) => setOu(event.target.value)}>
            <option value="">All accounts</option>
            {parents.map((id) => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
          </select>
        </label>
        <label>
          Trail
          <select value={trail} onChange={(event) => setTrail(event.target.value)}>
            <option value="">Any trail</option>
            {trailOptions.map((t) => (
              <option key={t.arn} value={t.arn}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={coverage.reload}>
          Refresh
        </button>
      </form>
      <ErrorMessage error={coverage.error} />
      {coverage.loading && !data && <Loading what="coverage" />}
      {data && (
        <>
          <p className="legend" aria-label="Legend">
            {(Object.keys(LABELS) as Status[]).map((status) => (
              <span key={status} className={`cell ${status}`}>
                {LABELS[status]}: {counts.get(status) ?? 0}
              </span>
            ))}
          </p>
          <ul className="trail-states" aria-label="Trails">
            {data.trails.map((t) => (
              <li key={t.arn}>
                <a href={`#/trails/${encodeURIComponent(t.arn)}`}>{t.name}</a>{' '}
                {t.isOrganizationTrail ? '(organization) ' : ''}
                {t.isLogging ? 'logging' : 'not logging'}
                {t.propagated ? '' : ' · propagating…'}
                {t.propagationError ? ` · propagation error: ${t.propagationError}` : ''} · last delivery{' '}
                {formatTime(t.latestDeliveryTime)}
                {t.latestDeliveryError ? ` · error: ${t.latestDeliveryError}` : ''}
              </li>
            ))}
          </ul>
          <div className="matrix-scroll" tabIndex={0} role="region" aria-label="Coverage matrix, scrollable">
            <table className="matrix" aria-label="Coverage by account and Region">
              <thead>
                <tr>
                  <th scope="col">Account</th>
                  {data.regions.map((region) => (
                    <th key={region} scope="col">
                      {region}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.accounts.map((account) => (
                  <tr key={account.accountId}>
                    <th scope="row">
                      {account.name}
                      <br />
                      <small>{account.accountId}</small>
                    </th>
                    {account.cells.map((cell, i) => (
                      <td
                        key={data.regions[i]}
                        className={`cell ${cell.status}`}
                        title={
                          cell.trails.map((index) => data.trails[index].name).join(', ') +
                          (cell.latestDeliveryTime
                            ? ` · last file ${formatTime(cell.latestDeliveryTime)}`
                            : '')
                        }
                      >
                        {LABELS[cell.status]}
                        {cell.latestDeliveryTime && (
                          <small> {formatTime(cell.latestDeliveryTime).slice(11, 16)}</small>
                        )}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Section>
  );
}
