import { useEffect, useMemo, useState } from 'react';
import { Api } from './api/client';
import { forgetSession, loadSession, type Session } from './api/session';
import { CoverageView } from './views/CoverageView';
import { EventsView } from './views/EventsView';
import { LogsView } from './views/LogsView';
import { OrganizationView } from './views/OrganizationView';
import { SignInView } from './views/SignInView';
import { SimulatorView } from './views/SimulatorView';
import { TrailDetailView } from './views/TrailDetailView';
import { TrailsView } from './views/TrailsView';

const VIEWS = [
  ['organization', 'Organization'],
  ['coverage', 'Coverage'],
  ['trails', 'Trails'],
  ['events', 'Event history'],
  ['logs', 'Logs'],
  ['simulator', 'Policy simulator'],
] as const;

function useHash(): string[] {
  const read = () => location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  const [parts, setParts] = useState(read);
  useEffect(() => {
    const changed = () => setParts(read());
    addEventListener('hashchange', changed);
    return () => removeEventListener('hashchange', changed);
  }, []);
  return parts;
}

/** The console: sign-in, then one view at a time, chosen by the URL's hash. */
export function App() {
  const [session, setSession] = useState<Session | undefined>(loadSession);
  const [notice, setNotice] = useState<string>();
  const [view, ...rest] = useHash();
  const api = useMemo(
    () =>
      session &&
      new Api(session, (message) => {
        forgetSession();
        setSession(undefined);
        setNotice(message);
      }),
    [session],
  );

  if (!session || !api) {
    return (
      <SignInView
        notice={notice}
        onSignedIn={(started) => {
          setNotice(undefined);
          setSession(started);
          if (!location.hash) location.hash = '#/coverage';
        }}
      />
    );
  }
  const current = VIEWS.some(([id]) => id === view) ? view : 'coverage';
  return (
    <>
      <header className="top">
        <span className="brand">Trailplane</span>
        <nav aria-label="Views">
          <ul>
            {VIEWS.map(([id, label]) => (
              <li key={id}>
                <a href={`#/${id}`} aria-current={current === id ? 'page' : undefined}>
                  {label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <span className="who" title={session.arn}>
          {session.arn} · {session.region}
        </span>
        <button
          type="button"
          onClick={() => {
            forgetSession();
            setSession(undefined);
            setNotice('Signed out.');
          }}
        >
          Sign out
        </button>
      </header>
      <main>
        {current === 'organization' && <OrganizationView api={api} />}
        {current === 'coverage' && <CoverageView api={api} />}
        {current === 'trails' &&
          (rest[0] ? <TrailDetailView api={api} trail={rest[0]} /> : <TrailsView api={api} />)}
        {current === 'events' && <EventsView api={api} />}
        {current === 'logs' && <LogsView api={api} />}
        {current === 'simulator' && <SimulatorView api={api} />}
      </main>
    </>
  );
}
