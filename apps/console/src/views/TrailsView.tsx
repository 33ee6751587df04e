import { type FormEvent, useState } from 'react';
import { type Api } from '../api/client';
import { ErrorMessage, field, Loading, Section, useLoad } from '../ui';

export interface TrailSettings {
  name: string;
  trailArn: string;
  homeRegion: string;
  s3BucketName: string;
  s3KeyPrefix?: string;
  includeGlobalServiceEvents: boolean;
  isMultiRegionTrail: boolean;
  logFileValidationEnabled: boolean;
  isOrganizationTrail: boolean;
  hasCustomEventSelectors: boolean;
  hasInsightSelectors: boolean;
}

/** The trails of the called Region (inherited organization trails too), and a form to create one. */
export function TrailsView({ api }: { api: Api }) {
  const trails = useLoad(() => api.get<{ trailList: TrailSettings[] }>('/v1/trails'), [api]);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(undefined);
    try {
      await api.call('POST', '/v1/trails', {
        body: {
          name: field(form, 'name'),
          s3BucketName: field(form, 'bucket'),
          isMultiRegionTrail: form.get('multiRegion') === 'on',
          isOrganizationTrail: form.get('organization') === 'on',
          enableLogFileValidation: form.get('validation') === 'on',
        },
      });
      trails.reload();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Section title="Trails">
      <ErrorMessage error={trails.error} />
      {trails.loading && !trails.data && <Loading what="trails" />}
      {trails.data && (
        <table aria-label="Trails">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Home Region</th>
              <th scope="col">Owner</th>
              <th scope="col">Bucket</th>
              <th scope="col">Scope</th>
            </tr>
          </thead>
          <tbody>
            {trails.data.trailList.map((trail) => (
              <tr key={trail.trailArn}>
                <td>
                  <a href={`#/trails/${encodeURIComponent(trail.trailArn)}`}>{trail.name}</a>
                </td>
                <td>{trail.homeRegion}</td>
                <td>{trail.trailArn.split(':')[4]}</td>
                <td>{trail.s3BucketName}</td>
                <td>
                  {trail.isOrganizationTrail ? 'organization' : 'account'} ·{' '}
                  {trail.isMultiRegionTrail ? 'all Regions' : 'one Region'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {trails.data?.trailList.length === 0 && <p>No trails in {api.region}.</p>}
      <h3>Create a trail</h3>
      <form className="create" onSubmit={(event) => void create(event)}>
        <label>
          Name
          <input name="name" required />
        </label>
        <label>
          S3 bucket
          <input name="bucket" required />
        </label>
        <label>
          <input type="checkbox" name="multiRegion" defaultChecked /> All Regions
        </label>
        <label>
          <input type="checkbox" name="organization" /> Organization trail
        </label>
        <label>
          <input type="checkbox" name="validation" /> Log file validation
        </label>
        <ErrorMessage error={error} />
        <button type="submit" disabled={busy}>
          {busy ? 'Creating…' : 'Create trail'}
        </button>
      </form>
    </Section>
  );
}
