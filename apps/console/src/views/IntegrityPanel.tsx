import { useState } from 'react';
import { type Api } from '../api/client';
import { ErrorMessage } from '../ui';

interface Integrity {
  valid: boolean;
  digests: { valid: number; invalid: number };
  logs: { valid: number; invalid: number };
  validateLogsOutput: { stdout: string; stderr: string; exitCode: number };
}

/** "Verify integrity": the server-side validate-logs over the last day, with its report. */
export function IntegrityPanel({ api, base }: { api: Api; base: string }) {
  const [report, setReport] = useState<Integrity>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  async function verify() {
    setBusy(true);
    setError(undefined);
    try {
      const startTime = new Date(Date.now() - 24 * 3600 * 1000).toISOString();
      setReport(await api.get<Integrity>(`${base}/integrity`, { startTime }));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="integrity">
      <h3>Integrity</h3>
      <button type="button" disabled={busy} onClick={() => void verify()}>
        {busy ? 'Verifying…' : 'Verify integrity (last 24 hours)'}
      </button>
      <ErrorMessage error={error} />
      {report && (
        <div role="status">
          <p>
            {report.valid ? 'Valid' : 'Not valid'}: {report.digests.valid} digests and {report.logs.valid} log
            files valid, {report.digests.invalid + report.logs.invalid} invalid.
          </p>
          <pre>{report.validateLogsOutput.stdout || report.validateLogsOutput.stderr}</pre>
        </div>
      )}
    </div>
  );
}
