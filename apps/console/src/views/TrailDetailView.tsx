import { useState } from 'react';
import { type Api, ApiError, segment } from '../api/client';
import { ErrorMessage, formatTime, Loading, Section, useLoad } from '../ui';
import { IntegrityPanel } from './IntegrityPanel';
import { SelectorsEditor } from './SelectorsEditor';
import { type TrailSettings } from './TrailsView';

interface TrailStatus {
  isLogging: boolean;
  startLoggingTime?: string;
  stopLoggingTime?: string;
  latestDeliveryTime?: string;
  latestDeliveryError?: string;
  latestDigestDeliveryTime?: string;
  latestDigestDeliveryError?: string;
}

interface Propagation {
  desired: number;
  applied: number;
  pending: number;
  failed: number;
  failureReason?: string;
}

/** One trail: settings, logging, delivery and digest status, propagation, selectors, tags, integrity. */
export function TrailDetailView({ api, trail }: { api: Api; trail: string }) {
  const base = `/v1/trails/${segment(trail)}`;
  const details = useLoad(
    () =>
      Promise.all([
        api.get<TrailSettings>(base),
        api.get<TrailStatus>(`${base}/status`),
        api.get<{ tagsList: Array<{ key: string; value?: string }> }>(`${base}/tags`),
        api
          .get<{ insightSelectors?: Array<{ insightType: string }> }>(`${base}/insight-selectors`)
          .catch((error: unknown) => {
            // A trail without Insights answers InsightNotEnabledException: none to show.
            if (error instanceof ApiError && error.code === 'InsightNotEnabledException') return {};
            throw error;
          }),
        api.get<Propagation>(`${base}/propagation`).catch(() => undefined),
      ]),
    [api, base],
  );
  const [changing, setChanging] = useState(false);
  const [error, setError] = useState<unknown>();

  if (details.loading && !details.data) return <Loading what="the trail" />;
  if (!details.data) return <ErrorMessage error={details.error} />;
  const [settings, status, tags, insights, propagation] = details.data;
  const owner = settings.trailArn.split(':')[4];
  const readOnly =
    owner === api.accountId
      ? undefined
      : `Read-only: this ${settings.isOrganizationTrail ? 'organization trail' : 'trail'} belongs to account ${owner}${settings.isOrganizationTrail ? ' (the management account)' : ''}.`;

  async function setLogging(on: boolean) {
    setChanging(true);
    setError(undefined);
    try {
      await api.call(on ? 'POST' : 'DELETE', `${base}/logging`);
      details.reload();
    } catch (failure) {
      setError(failure);
    } finally {
      setChanging(false);
    }
  }

  return (
    <Section title={`Trail ${settings.name}`}>
      <p>
        <a href="#/trails">All trails</a>
      </p>
      {readOnly && (
        <p className="read-only" id="read-only-reason">
          {readOnly}
        </p>
      )}
      <dl className="settings" aria-label="Settings">
        <dt>ARN</dt>
        <dd>{settings.trailArn}</dd>
        <dt>Home Region</dt>
        <dd>{settings.homeRegion}</dd>
        <dt>Bucket</dt>
        <dd>
          {settings.s3BucketName}
          {settings.s3KeyPrefix ? `/${settings.s3KeyPrefix}` : ''}
        </dd>
        <dt>Scope</dt>
        <dd>
          {settings.isOrganizationTrail ? 'Organization' : 'Account'},{' '}
          {settings.isMultiRegionTrail ? 'all Regions' : 'home Region only'}
          {settings.includeGlobalServiceEvents ? ', global service events' : ''}
        </dd>
        <dt>Log file validation</dt>
        <dd>{settings.logFileValidationEnabled ? 'enabled' : 'disabled'}</dd>
        <dt>Insight selectors</dt>
        <dd>
          {((insights as { insightSelectors?: Array<{ insightType: string }> }).insightSelectors ?? [])
            .map((s) => s.insightType)
            .join(', ') || 'none'}
        </dd>
        <dt>Tags</dt>
        <dd>{tags.tagsList.map((t) => `${t.key}=${t.value ?? ''}`).join(', ') || 'none'}</dd>
      </dl>
      <h3>Logging and delivery</h3>
      <dl className="settings" aria-label="Status">
        <dt>Logging</dt>
        <dd data-testid="logging">{status.isLogging ? 'on' : 'off'}</dd>
        <dt>Latest delivery</dt>
        <dd data-testid="latest-delivery">{formatTime(status.latestDeliveryTime)}</dd>
        {status.latestDeliveryError && (
          <>
            <dt>Delivery error</dt>
            <dd className="error">{status.latestDeliveryError}</dd>
          </>
        )}
        <dt>Latest digest</dt>
        <dd>{formatTime(status.latestDigestDeliveryTime)}</dd>
        {status.latestDigestDeliveryError && (
          <>
            <dt>Digest error</dt>
            <dd className="error">{status.latestDigestDeliveryError}</dd>
          </>
        )}
        {propagation && (
          <>
            <dt>Propagation</dt>
            <dd>
              <progress max={propagation.desired || 1} value={propagation.applied} aria-label="Propagation" />{' '}
              {propagation.applied} of {propagation.desired} replicas
              {propagation.failed ? `, ${propagation.failed} failed: ${propagation.failureReason ?? ''}` : ''}
            </dd>
          </>
        )}
      </dl>
      <div className="actions">
        <button
          type="button"
          disabled={changing || !!readOnly || status.isLogging}
          aria-describedby={readOnly ? 'read-only-reason' : undefined}
          onClick={() => void setLogging(true)}
        >
          Start logging
        </button>
        <button
          type="button"
          disabled={changing || !!readOnly || !status.isLogging}
          aria-describedby={readOnly ? 'read-only-reason' : undefined}
          onClick={() => void setLogging(false)}
        >
          Stop logging
        </button>
        <button type="button" onClick={details.reload}>
          Refresh
        </button>
      </div>
      <ErrorMessage error={error} />
      <SelectorsEditor api={api} base={base} readOnly={readOnly} />
      <IntegrityPanel api={api} base={base} />
    </Section>
  );
}
