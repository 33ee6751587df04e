import { CreateTrailCommand, GetTrailCommand } from '@aws-sdk/client-cloudtrail';
import { given, uniqueName } from '../support/given';
import { TestApp } from '../support/test-app';

describe('GET /metrics', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app.close());

  const scrape = async (): Promise<string> => {
    const response = await fetch(`${app.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    return response.text();
  };
  const value = (text: string, pattern: RegExp): number => Number(pattern.exec(text)?.[1] ?? NaN);

  it('exposes requests by operation, outcome and error code, latency, denials, queue, propagation and event-buffer figures', async () => {
    const account = await given.account(app);
    const client = app.cloudtrail(account);
    await client.send(
      new CreateTrailCommand({ Name: uniqueName('m'), S3BucketName: 'audit-logs', IsMultiRegionTrail: true }),
    );
    await expect(client.send(new GetTrailCommand({ Name: 'no-such-trail' }))).rejects.toMatchObject({
      name: 'TrailNotFoundException',
    });
    await app.rest(account).post('/v1/regions', { name: 'xx-metrics-1', optIn: false });

    const text = await scrape();
    expect(
      value(
        text,
        /trailplane_requests_total\{operation="cloudtrail:CreateTrail",outcome="success",error_code=""\} (\d+)/,
      ),
    ).toBeGreaterThanOrEqual(1);
    expect(
      value(
        text,
        /trailplane_requests_total\{operation="cloudtrail:GetTrail",outcome="error",error_code="TrailNotFoundException"\} (\d+)/,
      ),
    ).toBeGreaterThanOrEqual(1);
    expect(text).toMatch(
      /trailplane_request_duration_seconds_bucket\{le="[\d.]+",operation="cloudtrail:CreateTrail"\}/,
    );
    expect(
      value(text, /trailplane_authorization_denials_total\{operation="trailplane:LaunchRegion"\} (\d+)/),
    ).toBeGreaterThanOrEqual(1);
    for (const gauge of [
      'trailplane_queue_depth',
      'trailplane_outbox_pending_jobs',
      'trailplane_propagation_lag_seconds',
      'trailplane_propagation_pending_trails',
      'trailplane_propagation_pending_replicas',
      'trailplane_event_buffer_depth',
    ]) {
      expect(text).toMatch(new RegExp(`^${gauge} [\\d.e+-]+$`, 'm'));
    }
    expect(text).toContain('# TYPE trailplane_job_duration_seconds histogram');
  });
});
