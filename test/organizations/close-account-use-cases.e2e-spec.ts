import { DescribeOrganizationCommand } from '@aws-sdk/client-organizations';
import {
  CloseAccountUseCase,
  ClosedAccountDeparturesTask,
  DescribeAccountUseCase,
  ListAccountsUseCase,
  ListDelegatedAdministratorsUseCase,
} from '@app/organizations';
import { TransactionRunner } from '@app/platform';
import { MovableClock } from '../iam/support/iam-clients';
import { given, type GivenOrganization } from '../support/given';
import { TestApp } from '../support/test-app';
import { awsFailure } from './failures';
import { failureOf, rootContext } from './support/use-cases';

const DAY_SECONDS = 24 * 60 * 60;

describe('Organizations use cases: CloseAccount (PostgreSQL)', () => {
  const clock = new MovableClock();
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({ jobs: 'inline', clock });
  });
  afterEach(() => clock.reset());
  afterAll(() => app.close());

  const ctx = (org: GivenOrganization) => rootContext(org.management);
  const close = (org: GivenOrganization, accountId: string) =>
    app.get(CloseAccountUseCase).execute(ctx(org), { accountId });
  const accountOf = (org: GivenOrganization, accountId: string) =>
    app.get(DescribeAccountUseCase).execute(ctx(org), { accountId });

  it('suspends the account at once, so that its credentials stop working, and keeps it in the organization', async () => {
    const org = await given.organization(app);
    const member = await given.member(app, org);
    await close(org, member.accountId);

    expect(await accountOf(org, member.accountId)).toMatchObject({ status: 'SUSPENDED', state: 'SUSPENDED' });
    const listed = await app.get(ListAccountsUseCase).execute(ctx(org), {});
    expect(listed.items.map((account) => account.id)).toContain(member.accountId);
    expect(
      await awsFailure(app.organizations(member).send(new DescribeOrganizationCommand({}))),
    ).toMatchObject({
      name: 'UnrecognizedClientException',
    });
    expect(await failureOf(close(org, member.accountId))).toEqual({
      code: 'AccountAlreadyClosedException',
      message: 'You attempted to close an account that is already closed.',
    });
  });

  it('refuses the management account, a non-member, a member caller and a consolidated-billing organization', async () => {
    const org = await given.organization(app);
    const member = await given.member(app, org);
    expect(await failureOf(close(org, org.management.accountId))).toMatchObject({
      code: 'ConstraintViolationException',
      reason: 'CANNOT_CLOSE_MANAGEMENT_ACCOUNT',
    });
    expect(await failureOf(close(org, '999999999999'))).toEqual({
      code: 'AccountNotFoundException',
      message: "You specified an account that doesn't exist.",
    });
    expect(
      (
        await failureOf(
          app.get(CloseAccountUseCase).execute(rootContext(member), { accountId: member.accountId }),
        )
      ).code,
    ).toBe('AccessDeniedException');
    const billing = await given.organization(app, { featureSet: 'CONSOLIDATED_BILLING' });
    const billed = await given.member(app, billing);
    expect(await failureOf(close(billing, billed.accountId))).toMatchObject({
      reason: 'ORGANIZATION_NOT_IN_ALL_FEATURES_MODE',
    });
    expect(await accountOf(org, member.accountId)).toMatchObject({ status: 'ACTIVE' });
  });

  it('closes at most 250 accounts (or 20% of the members) in a rolling 30 days', async () => {
    const org = await given.organization(app);
    const member = await given.member(app, org);
    const seed = String(Date.now() % 1_000_000).padStart(6, '0');
    const seedClosures = (closedDaysAgo: number) =>
      app.get(TransactionRunner).run(async (em) => {
        await em.query(
          `INSERT INTO accounts (id, name, email)
           SELECT '7' || $1 || lpad(g::text, 5, '0'), 'closed ' || g, 'closed-' || $1 || '-' || g || '@example.com'
             FROM generate_series(1, 250) g ON CONFLICT DO NOTHING`,
          [seed],
        );
        await em.query(
          `INSERT INTO organization_account_closures (account_id, organization_id, closed_at, departs_at, departed_at)
           SELECT '7' || $1 || lpad(g::text, 5, '0'), $2, now() - $3 * interval '1 day', now(), now()
             FROM generate_series(1, 250) g
           ON CONFLICT (account_id) DO UPDATE SET closed_at = excluded.closed_at`,
          [seed, org.id, closedDaysAgo],
        );
      });
    await seedClosures(29);
    expect(await failureOf(close(org, member.accountId))).toEqual({
      code: 'ConstraintViolationException',
      reason: 'CLOSE_ACCOUNT_QUOTA_EXCEEDED',
      message: 'You have exceeded close account quota for the past 30 days.',
    });
    expect(await accountOf(org, member.accountId)).toMatchObject({ status: 'ACTIVE' });
    await seedClosures(31);
    await close(org, member.accountId);
    expect(await accountOf(org, member.accountId)).toMatchObject({ status: 'SUSPENDED' });
  });

  it('removes a closed account from its organization once the closure period has passed', async () => {
    const org = await given.organization(app);
    const member = await given.member(app, org);
    await given.delegatedAdministrator(app, org, member);
    await close(org, member.accountId);
    const departures = app.get(ClosedAccountDeparturesTask);

    clock.advance(89 * DAY_SECONDS);
    await departures.run();
    expect(await accountOf(org, member.accountId)).toMatchObject({ status: 'SUSPENDED' });

    clock.advance(DAY_SECONDS + 60);
    await departures.run();
    expect(await failureOf(accountOf(org, member.accountId))).toMatchObject({
      code: 'AccountNotFoundException',
    });
    const administrators = await app.get(ListDelegatedAdministratorsUseCase).execute(ctx(org), {});
    expect(administrators.items).toEqual([]);
    expect(await departures.run()).toBe(0);
  });
});
