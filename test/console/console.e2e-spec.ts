import { EnableAWSServiceAccessCommand } from '@aws-sdk/client-organizations';
import { type Browser, type Page } from 'playwright-core';
import { givenLogBucket } from '../delivery/support/log-buckets';
import { MovableClock } from '../iam/support/iam-clients';
import { given, type GivenMember, type GivenOrganization, givenIam, uniqueName } from '../support/given';
import { eventually, TestApp } from '../support/test-app';
import { consolePage, launchChromium, screenshot, seriousViolations, signIn } from './support/browser';

/** The console in Debian's Chromium against the app: one app, one browser, views in a user's order. */
describe('console', () => {
  const clock = new MovableClock();
  let app: TestApp;
  let browser: Browser;
  let org: GivenOrganization;
  let member: GivenMember;
  const trailName = uniqueName('org-trail');
  let trailArn: string;

  beforeAll(async () => {
    [app, browser] = await Promise.all([
      TestApp.start({ clock, env: { TRAILPLANE_DELIVERY_INTERVAL_SECONDS: '1' } }),
      launchChromium(),
    ]);
    org = await given.organization(app);
    member = await given.member(app, org);
    await app
      .organizations(org.management)
      .send(new EnableAWSServiceAccessCommand({ ServicePrincipal: 'cloudtrail.amazonaws.com' }));
    trailArn = `arn:aws:cloudtrail:us-east-1:${org.management.accountId}:trail/${trailName}`;
    await givenLogBucket(app, org.management, `${trailName}-logs`, [trailArn]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const view = async (page: Page, name: string) => {
    await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name }).click();
    await page.getByRole('heading', { level: 2, name }).waitFor();
  };
  const accessible = async (page: Page, name: string) => {
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, name);
  };
  /** Clicks `refresh` until `check` holds (the matrix and status fill as jobs run). */
  const refreshUntil = (page: Page, check: () => Promise<boolean>) =>
    eventually(async () => {
      await page.getByRole('button', { name: 'Refresh' }).click();
      await page.waitForLoadState('networkidle');
      return (await check()) ? true : undefined;
    }, 60_000);

  it('signs in with GetSessionToken, creates an organization trail and follows it through every view', async () => {
    const page = await consolePage(browser, app.url);
    await page.getByLabel('Access key ID').fill(org.management.accessKeyId);
    await page.getByLabel('Secret access key').fill('not-the-secret');
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect(await page.getByRole('alert').textContent()).toMatch(/^InvalidSignatureException: /);
    await accessible(page, 'sign-in');
    await signIn(page, org.management);
    const stored = await page.evaluate(() => Object.values(sessionStorage).join());
    expect(stored).toContain('ASIA');
    expect(stored).not.toContain(org.management.secretAccessKey);

    await view(page, 'Organization');
    await page.getByRole('button', { name: new RegExp(member.accountId) }).click();
    await page.getByText('Regions enabled').waitFor();
    expect(await page.getByLabel('Organization tree').textContent()).toContain('management');
    await accessible(page, 'organization');

    await view(page, 'Trails');
    await page.getByLabel('Name').fill(trailName);
    await page.getByLabel('S3 bucket').fill(`${trailName}-logs`);
    await page.getByLabel('Organization trail').check();
    await page.getByRole('button', { name: 'Create trail' }).click();
    await page.getByRole('link', { name: trailName }).waitFor();
    await accessible(page, 'trails');

    await view(page, 'Coverage');
    const memberRow = page.getByRole('row', { name: new RegExp(member.accountId) });
    await refreshUntil(page, async () => !(await memberRow.textContent())?.includes('gap'));
    expect(await memberRow.textContent()).toContain('not logging');

    await page.getByRole('link', { name: trailName }).click();
    await page.getByRole('button', { name: 'Start logging' }).click();
    await refreshUntil(page, async () => (await page.getByTestId('latest-delivery').textContent()) !== '—');
    expect(await page.getByTestId('logging').textContent()).toBe('on');
    await page.getByLabel('Event selectors').fill('{"eventSelectors":[{"readWriteType":"Sometimes"}]}');
    await page.getByRole('button', { name: 'Save selectors' }).click();
    expect(await page.locator('#selectors-error').getByRole('alert').textContent()).toMatch(
      /^InvalidEventSelectorsException: /,
    );
    await page.getByRole('button', { name: /Verify integrity/ }).click();
    await page
      .locator('.integrity')
      .getByRole('status')
      .or(page.locator('.integrity').getByRole('alert'))
      .waitFor();
    await accessible(page, 'trail');

    await view(page, 'Coverage');
    const managementRow = page.getByRole('row', { name: new RegExp(org.management.accountId) });
    await refreshUntil(page, async () => (await managementRow.textContent())?.includes('covered') ?? false);
    await accessible(page, 'coverage');

    await view(page, 'Event history');
    await page.getByLabel('Value').fill('StartLogging');
    await page.getByRole('button', { name: 'Look up events' }).click();
    await page.getByRole('button', { name: /^Open StartLogging/ }).click();
    expect(await page.getByRole('region', { name: 'Event record' }).textContent()).toContain(
      '"eventName": "StartLogging"',
    );
    await accessible(page, 'events');

    await view(page, 'Logs');
    await page.getByLabel('Trail').selectOption(trailArn);
    await page.getByRole('table', { name: 'Delivered files' }).getByRole('button').first().click();
    const logFile = page.getByRole('region', { name: 'Log file' });
    expect(await logFile.textContent()).toContain(`s3://${trailName}-logs/AWSLogs/`);
    const records = logFile.getByRole('table', { name: 'Log records' });
    await records.getByRole('button', { name: 'Show record 1', exact: true }).click();
    expect(await records.getByRole('row').nth(1).textContent()).toMatch(/\w\.amazonaws\.com/);
    expect(await records.locator('pre').textContent()).toContain('"eventVersion"');
    await accessible(page, 'logs');

    const auditor = await givenIam.user(app, org.management, {
      inlinePolicies: {
        Read: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 'cloudtrail:LookupEvents', Resource: '*' }],
        },
      },
    });
    await view(page, 'Policy simulator');
    await page.getByLabel('Principal ARN (user or role)').fill(auditor.arn);
    await page.getByRole('button', { name: 'Simulate' }).click();
    const decisions = page.getByRole('table', { name: 'Decisions' });
    expect(await decisions.getByRole('row', { name: /cloudtrail:LookupEvents/ }).textContent()).toContain(
      'Allow',
    );
    expect(await decisions.getByRole('row', { name: /cloudtrail:StopLogging/ }).textContent()).toContain(
      'ImplicitDeny',
    );
    await accessible(page, 'simulator');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('Signed out.').waitFor();
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    await page.context().close();
  }, 180_000);

  it('shows a member the organization trail read-only, and sends it back to sign-in once its session expires', async () => {
    const page = await consolePage(browser, app.url);
    await signIn(page, member);
    await view(page, 'Trails');
    await page.getByRole('link', { name: trailName }).click();
    const reason = page.locator('#read-only-reason');
    expect(await reason.textContent()).toContain(`belongs to account ${org.management.accountId}`);
    expect(await page.getByRole('button', { name: 'Stop logging' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Save selectors' }).isDisabled()).toBe(true);
    await accessible(page, 'member-trail');
    const refused = await app.rest(member).delete(`/v1/trails/${encodeURIComponent(trailArn)}/logging`);
    expect(refused.status).toBeGreaterThanOrEqual(400);

    await view(page, 'Logs');
    await page.getByLabel('Trail').selectOption(trailArn);
    const ownFiles = page.getByRole('table', { name: 'Delivered files' }).getByRole('button');
    await refreshUntil(page, async () => (await ownFiles.count()) > 0);
    await ownFiles.first().click();
    expect(await page.getByRole('region', { name: 'Log file' }).getByRole('alert').textContent()).toMatch(
      /^AccessDenied: /,
    );

    clock.advance(3_601);
    try {
      await page.getByRole('button', { name: 'Refresh' }).click();
      await page.getByText('Your session has expired. Sign in again.').waitFor();
    } finally {
      clock.reset();
    }
    await page.context().close();
  }, 60_000);
});
