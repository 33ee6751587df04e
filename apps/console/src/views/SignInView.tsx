import { type FormEvent, useState } from 'react';
import { type Session, saveSession } from '../api/session';
import { startSession } from '../api/client';
import { ErrorMessage, field } from '../ui';

/**
 * Sign-in: an access key pair (the bootstrap one `npm start` prints, or any IAM user's) is exchanged
 * for temporary credentials with GetSessionToken; only those are kept, in this tab's session storage.
 */
export function SignInView({ notice, onSignedIn }: { notice?: string; onSignedIn(session: Session): void }) {
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(undefined);
    try {
      const session = await startSession(
        {
          accessKeyId: field(form, 'accessKeyId'),
          secretAccessKey: field(form, 'secretAccessKey'),
        },
        field(form, 'region') || 'us-east-1',
        Number(field(form, 'duration')),
      );
      saveSession(session);
      onSignedIn(session);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="sign-in">
      <h1>Sign in to Trailplane</h1>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <form onSubmit={(event) => void submit(event)}>
        <label>
          Access key ID
          <input name="accessKeyId" required autoComplete="username" spellCheck={false} />
        </label>
        <label>
          Secret access key
          <input name="secretAccessKey" type="password" required autoComplete="current-password" />
        </label>
        <label>
          Region
          <input name="region" defaultValue="us-east-1" />
        </label>
        <label>
          Session length
          <select name="duration" defaultValue="3600">
            <option value="900">15 minutes</option>
            <option value="3600">1 hour</option>
            <option value="43200">12 hours (IAM users)</option>
          </select>
        </label>
        <ErrorMessage error={error} />
        <button type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p className="hint">
        The key is used once, to get temporary credentials (STS GetSessionToken); only those are kept, in this
        tab. The bootstrap key is the one <code>npm start</code> prints.
      </p>
    </main>
  );
}
