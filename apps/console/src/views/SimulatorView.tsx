import { type FormEvent, useState } from 'react';
import { type Api } from '../api/client';
import { ErrorMessage, field, Section } from '../ui';

interface Result {
  action: string;
  resource: string;
  decision: string;
  reason: { kind: string; policyName?: string };
  error?: { code: string; message: string };
}

function lines(value: string): string[] {
  return value.split(/[\s,]+/).filter(Boolean);
}

/** SimulatePrincipalPolicy: a principal's decision for each action (and resource). */
export function SimulatorView({ api }: { api: Api }) {
  const [results, setResults] = useState<Result[]>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  async function simulate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const resourceArns = lines(field(form, 'resourceArns'));
    setBusy(true);
    setError(undefined);
    try {
      const answer = await api.call<{ results: Result[] }>('POST', '/v1/iam/simulate-principal', {
        body: {
          policySourceArn: field(form, 'policySourceArn'),
          actionNames: lines(field(form, 'actionNames')),
          ...(resourceArns.length ? { resourceArns } : {}),
        },
      });
      setResults(answer.results);
    } catch (failure) {
      setError(failure);
      setResults(undefined);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Section title="Policy simulator">
      <form className="create" onSubmit={(event) => void simulate(event)}>
        <label>
          Principal ARN (user or role)
          <input name="policySourceArn" required spellCheck={false} />
        </label>
        <label>
          Actions (one a line)
          <textarea
            name="actionNames"
            rows={4}
            required
            defaultValue={'cloudtrail:StopLogging\ncloudtrail:LookupEvents'}
          />
        </label>
        <label>
          Resource ARNs (optional, one a line)
          <textarea name="resourceArns" rows={2} />
        </label>
        <button type="submit" disabled={busy}>
          {busy ? 'Simulating…' : 'Simulate'}
        </button>
      </form>
      <ErrorMessage error={error} />
      {results && (
        <table aria-label="Decisions">
          <thead>
            <tr>
              <th scope="col">Action</th>
              <th scope="col">Resource</th>
              <th scope="col">Decision</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {results.map((result) => (
              <tr key={`${result.action} ${result.resource}`}>
                <td>{result.action}</td>
                <td>{result.resource}</td>
                <td className={result.decision === 'Allow' ? 'allowed' : 'denied'}>{result.decision}</td>
                <td>
                  {result.reason.kind}
                  {result.reason.policyName ? ` (${result.reason.policyName})` : ''}
                  {result.error ? `: ${result.error.message}` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}
