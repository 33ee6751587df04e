import { type FormEvent, useState } from 'react';
import { type Api } from '../api/client';
import { ErrorMessage, field, formatTime, Loading, Section } from '../ui';

interface LookedUpEvent {
  eventId: string;
  eventName: string;
  eventTime: string;
  eventSource: string;
  username: string;
  readOnly: string;
  cloudTrailEvent: object;
}

interface Query {
  attributeKey?: string;
  attributeValue?: string;
  startTime?: string;
  endTime?: string;
}

const ATTRIBUTES = [
  'EventName',
  'EventId',
  'ReadOnly',
  'Username',
  'ResourceType',
  'ResourceName',
  'EventSource',
  'AccessKeyId',
];

function isoOf(local: string): string | undefined {
  return local ? new Date(local).toISOString() : undefined;
}

/** LookupEvents: one attribute, a time range, pages of 50; each event opens as its full record. */
export function EventsView({ api }: { api: Api }) {
  const [query, setQuery] = useState<Query>();
  const [tokens, setTokens] = useState<Array<string | undefined>>([undefined]);
  const [page, setPage] = useState<{ events: LookedUpEvent[]; nextToken?: string }>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(false);
  const [open, setOpen] = useState<LookedUpEvent>();

  async function load(next: Query, token: string | undefined) {
    setLoading(true);
    setError(undefined);
    try {
      setPage(await api.get('/v1/events', { ...next, nextToken: token }));
    } catch (failure) {
      setError(failure);
    } finally {
      setLoading(false);
    }
  }

  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = field(form, 'attributeValue');
    const next: Query = {
      attributeKey: value ? field(form, 'attributeKey') : undefined,
      attributeValue: value || undefined,
      startTime: isoOf(field(form, 'startTime')),
      endTime: isoOf(field(form, 'endTime')),
    };
    setQuery(next);
    setTokens([undefined]);
    setOpen(undefined);
    void load(next, undefined);
  }

  return (
    <Section title="Event history">
      <form className="filters" onSubmit={search}>
        <label>
          Attribute
          <select name="attributeKey" defaultValue="EventName">
            {ATTRIBUTES.map((key) => (
              <option key={key}>{key}</option>
            ))}
          </select>
        </label>
        <label>
          Value
          <input name="attributeValue" />
        </label>
        <label>
          From
          <input name="startTime" type="datetime-local" />
        </label>
        <label>
          To
          <input name="endTime" type="datetime-local" />
        </label>
        <button type="submit">Look up events</button>
      </form>
      <ErrorMessage error={error} />
      {loading && <Loading what="events" />}
      {page && (
        <>
          <table aria-label="Events">
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Event</th>
                <th scope="col">Source</th>
                <th scope="col">User</th>
                <th scope="col">Record</th>
              </tr>
            </thead>
            <tbody>
              {page.events.map((event) => (
                <tr key={event.eventId}>
                  <td>{formatTime(event.eventTime)}</td>
                  <td>{event.eventName}</td>
                  <td>{event.eventSource}</td>
                  <td>{event.username}</td>
                  <td>
                    <button
                      type="button"
                      onClick={() => setOpen(event)}
                      aria-label={`Open ${event.eventName} ${event.eventId}`}
                    >
                      Open
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {page.events.length === 0 && <p>No events match.</p>}
          <div className="actions">
            <button
              type="button"
              disabled={tokens.length < 2}
              onClick={() => {
                const previous = tokens.slice(0, -1);
                setTokens(previous);
                void load(query ?? {}, previous[previous.length - 1]);
              }}
            >
              Previous page
            </button>
            <button
              type="button"
              disabled={!page.nextToken}
              onClick={() => {
                setTokens([...tokens, page.nextToken]);
                void load(query ?? {}, page.nextToken);
              }}
            >
              Next page
            </button>
          </div>
        </>
      )}
      {open && (
        <section aria-label="Event record" className="record">
          <h3>
            {open.eventName} <small>{open.eventId}</small>
          </h3>
          <button type="button" onClick={() => setOpen(undefined)}>
            Close record
          </button>
          <pre tabIndex={0}>{JSON.stringify(open.cloudTrailEvent, null, 2)}</pre>
        </section>
      )}
    </Section>
  );
}
