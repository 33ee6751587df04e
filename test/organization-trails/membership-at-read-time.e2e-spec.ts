import { CreateTrailCommand } from '@aws-sdk/client-cloudtrail';
import {
  DeleteOrganizationCommand,
  EnableAWSServiceAccessCommand,
  ListAccountsCommand,
  RemoveAccountFromOrganizationCommand,
} from '@aws-sdk/client-organizations';
import { type TrailPropagationStatus } from '@app/trails';
import { type TestCredentials } from '../support/credentials';
import { given, type GivenOrganization, uniqueName } from '../support/given';
import { withAdminClient } from '../support/test-database';
import { eventually, TestApp } from '../support/test-app';
import { failureOf, trailsApi, TRANSPORTS } from '../trails/support/trails-api';

/**
 * What a member sees of its organization's trails follows membership when it reads, not when the
 * worker has caught up (RemoveAccountFromOrganization, a new member): the replicas the worker
 * maintains only record propagation. The organization and its trail are built with a worker, which
 * then stops; the API goes on alone on the same database, so no membership change propagates.
 */
describe('organization trails follow membership at read time (workers stopped)', () => {
  let app: TestApp;
  let databaseUrl: string;
  let org: GivenOrganization;
  let former: TestCredentials;
  let trail: { name: string; arn: string };

  beforeAll(async () => {
    const withWorker = await TestApp.start();
    databaseUrl = withWorker.databaseUrl;
    org = await given.organization(withWorker);
    await withWorker
      .organizations(org.management)
      .send(new EnableAWSServiceAccessCommand({ ServicePrincipal: 'cloudtrail.amazonaws.com' }));
    former = await given.member(withWorker, org);
    const name = uniqueName('org');
    const created = await withWorker.cloudtrail(org.management).send(
      new CreateTrailCommand({
        Name: name,
        S3BucketName: 'org-audit-logs',
        IsOrganizationTrail: true,
        IsMultiRegionTrail: true,
      }),
    );
    trail = { name, arn: created.TrailARN! };
    await eventually(async () => {
      const status = await propagation(withWorker);
      return status.pending === 0 && status.applied === 2 * 17 ? status : undefined;
    });
    await withWorker.close({ keepDatabase: true });
    app = await TestApp.start({ databaseUrl, inProcessWorker: false });
  });

  afterAll(async () => {
    await app?.close({ keepDatabase: true });
    const name = new URL(databaseUrl).pathname.slice(1);
    await withAdminClient(async (client) => {
      await client.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [name],
      );
      await client.query(`DROP DATABASE IF EXISTS ${name}`);
    });
  });

  async function propagation(on: TestApp): Promise<TrailPropagationStatus> {
    const response = await on
      .rest(org.management)
      .get(`/v1/trails/${encodeURIComponent(trail.arn)}/propagation`);
    expect(response.status).toBe(200);
    return response.body as TrailPropagationStatus;
  }

  /** The trail as `account` sees it in `region` through every listing, on both transports. */
  async function listings(account: TestCredentials, region: string) {
    const seen: Record<string, unknown> = {};
    for (const transport of TRANSPORTS) {
      const api = trailsApi(app, transport, account, region);
      seen[`${transport} DescribeTrails`] = (await api.describeTrails()).map((t) => t.trailArn);
      seen[`${transport} DescribeTrails by ARN`] = await api
        .describeTrails({ trailNameList: [trail.arn] })
        .then((trails) => trails.map((t) => t.trailArn), failureOf);
      seen[`${transport} ListTrails`] = (await api.listTrails()).trails.map((t) => t.trailArn);
    }
    return seen;
  }

  const everywhere = (arns: string[]) => ({
    'aws-sdk DescribeTrails': arns,
    'aws-sdk DescribeTrails by ARN': arns,
    'aws-sdk ListTrails': arns,
    'rest DescribeTrails': arns,
    'rest DescribeTrails by ARN': arns,
    'rest ListTrails': arns,
  });
  /** Named by ARN, another account's trail is refused by authorization, as GetTrail is. */
  const denied = { code: 'AccessDeniedException', status: 403, message: expect.any(String) as string };
  const nowhere = {
    ...everywhere([]),
    'aws-sdk DescribeTrails by ARN': denied,
    'rest DescribeTrails by ARN': denied,
  };

  it('a removed member stops seeing the trail at once; the management account still sees it', async () => {
    expect(await listings(former, 'us-east-1')).toEqual(everywhere([trail.arn]));

    await app
      .organizations(org.management)
      .send(new RemoveAccountFromOrganizationCommand({ AccountId: former.accountId }));

    // The former member's replicas are still there: nothing has propagated the removal.
    const status = await propagation(app);
    expect(status.pending).toBe(17);
    for (const region of ['us-east-1', 'eu-west-1']) {
      expect([region, await listings(former, region)]).toEqual([region, nowhere]);
      expect([region, await listings(org.management, region)]).toEqual([region, everywhere([trail.arn])]);
    }
  });

  it('a new member sees the trail at once, before any replica reaches it', async () => {
    const joiner = await given.member(app, org);
    const before = await propagation(app);

    for (const region of ['us-east-1', 'ap-southeast-2']) {
      expect([region, await listings(joiner, region)]).toEqual([region, everywhere([trail.arn])]);
      for (const transport of TRANSPORTS) {
        const api = trailsApi(app, transport, joiner, region);
        expect((await api.getTrailStatus(trail.arn)).isLogging).toBe(false);
        expect((await api.getEventSelectors(trail.arn)).trailArn).toBe(trail.arn);
      }
    }
    expect((await propagation(app)).applied).toBe(before.applied);
  });

  it('a deleted organization leaves an ordinary trail at once, which cannot turn back without one', async () => {
    const { Accounts } = await app.organizations(org.management).send(new ListAccountsCommand({}));
    for (const { Id } of Accounts ?? []) {
      if (Id === org.management.accountId) continue;
      await app
        .organizations(org.management)
        .send(new RemoveAccountFromOrganizationCommand({ AccountId: Id }));
    }
    await app.organizations(org.management).send(new DeleteOrganizationCommand({}));

    for (const transport of TRANSPORTS) {
      const api = trailsApi(app, transport, org.management, 'us-east-1');
      expect([transport, (await api.getTrail(trail.arn)).isOrganizationTrail]).toEqual([transport, false]);
      const refused = await api.updateTrail(trail.arn, { isOrganizationTrail: true }).then(
        () => 'updated',
        (error: unknown) => failureOf(error).code,
      );
      expect([transport, refused]).toEqual([transport, 'OrganizationsNotInUseException']);
    }
  });
});
