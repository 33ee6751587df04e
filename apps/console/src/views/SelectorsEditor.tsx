import { useEffect, useState } from 'react';
import { type Api } from '../api/client';
import { ErrorMessage, useLoad } from '../ui';

/** The trail's event selectors as JSON, saved with PutEventSelectors: the API's validation messages shown. */
export function SelectorsEditor({ api, base, readOnly }: { api: Api; base: string; readOnly?: string }) {
  const selectors = useLoad(
    () =>
      api.get<{ eventSelectors?: unknown[]; advancedEventSelectors?: unknown[] }>(`${base}/event-selectors`),
    [api, base],
  );
  const [text, setText] = useState('');
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (!selectors.data) return;
    const { eventSelectors, advancedEventSelectors } = selectors.data;
    setText(
      JSON.stringify(advancedEventSelectors ? { advancedEventSelectors } : { eventSelectors }, null, 2),
    );
  }, [selectors.data]);

  async function save() {
    setError(undefined);
    setSaved(false);
    try {
      const body = JSON.parse(text) as unknown;
      await api.call('PUT', `${base}/event-selectors`, { body });
      setSaved(true);
      selectors.reload();
    } catch (failure) {
      setError(failure instanceof SyntaxError ? new Error(`Not valid JSON: ${failure.message}`) : failure);
    }
  }

  return (
    <div className="selectors">
      <h3>
        <label htmlFor="selectors">Event selectors</label>
      </h3>
      <ErrorMessage error={selectors.error} />
      <textarea
        id="selectors"
        rows={12}
        value={text}
        readOnly={!!readOnly}
        aria-invalid={error ? true : undefined}
        aria-describedby="selectors-error"
        onChange={(event) => setText(event.target.value)}
      />
      <div id="selectors-error">
        <ErrorMessage error={error} />
      </div>
      {saved && <p role="status">Saved.</p>}
      <button type="button" disabled={!!readOnly} onClick={() => void save()}>
        Save selectors
      </button>
    </div>
  );
}
