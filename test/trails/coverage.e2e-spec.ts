import { CreateTrailCommand, StartLoggingCommand } from '@aws-sdk/client-cloudtrail';
import {
  CreateOrganizationalUnitCommand,
  EnableAWSServiceAccessCommand,
  MoveAccountCommand,
} from '@aws-sdk/client-organizations';
import { givenLogBucket } from '../delivery/support/log-buckets';
import { type TestCredentials } from '../support/credentials';
import { given, uniqueName } from '../support/given';
import { eventually, TestApp } from '../support/test-app';

interface CoverageBody {
  regions: string[];
  trails: Array<{ arn: string; isLogging: boolean; propagated: boolean; latestDeliveryTime: string | null }>;
  accounts: Array<{
    accountId: string;
    parentId: string | null;
    cells: Array<{ status: string; trails: number[]; latestDeliveryTime: string | null }>;
  }>;
}

/** GET /v1/coverage: accounts × Regions with the trails covering each cell, from one call. */
describe('coverage', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({ env: { TRAILPLANE_DELIVERY_INTERVAL_SECONDS: '1' } });
  });
  afterAll(() => app.close());

  const coverage = async (caller: TestCredentials, query = ''): Promise<CoverageBody> => {
    const response = await app.rest(caller).get(`/v1/coverage${query}`);
    expect(response.status).toBe(200);
    return response.body as CoverageBody;
  };
  const statuses = (body: CoverageBody, accountId: string): Record<string, string> => {
    const row = body.accounts.find((account) => account.accountId === accountId);
    return Object.fromEntries(body.regions.map((region, i) => [region, row?.cells[i].status ?? 'absent']));
  };

  it('shows gaps, then an organization trail covering every enabled Region of every account as it propagates and delivers', async () => {
    const org = await given.organization(app);
    const member = await given.member(app, org);
    const before = await coverage(org.management);
    expect(before.accounts.map((a) => a.accountId).sort()).toEqual(
      [org.management.accountId, member.accountId].sort(),
    );
    expect(statuses(before, member.accountId)).toMatchObject({ 'us-east-1': 'gap', 'eu-west-1': 'gap' });
    expect(Object.values(statuses(before, member.accountId))).toContain('disabled');

    const name = uniqueName('org');
    const arn = `arn:aws:cloudtrail:us-east-1:${org.management.accountId}:trail/${name}`;
    const bucket = uniqueName('cov').toLowerCase();
    await app
      .organizations(org.management)
      .send(new EnableAWSServiceAccessCommand({ ServicePrincipal: 'cloudtrail.amazonaws.com' }));
    await givenLogBucket(app, org.management, bucket, [arn]);
    const cloudtrail = app.cloudtrail(org.management);
    await cloudtrail.send(
      new CreateTrailCommand({
        Name: name,
        S3BucketName: bucket,
        IsOrganizationTrail: true,
        IsMultiRegionTrail: true,
      }),
    );
    const propagated = await eventually(async () => {
      const body = await coverage(org.management);
      const cells = Object.values(statuses(body, member.accountId));
      return cells.includes('gap') ? undefined : body;
    }, 60_000);
    expect(propagated.trails.map((t) => t.arn)).toEqual([arn]);
    expect(statuses(propagated, member.accountId)['us-east-1']).toBe('not-logging');

    await cloudtrail.send(new StartLoggingCommand({ Name: name }));
    const delivered = await eventually(async () => {
      const body = await coverage(org.management);
      const row = body.accounts.find((a) => a.accountId === org.management.accountId);
      const cell = row?.cells[body.regions.indexOf('us-east-1')];
      return cell?.latestDeliveryTime && body.trails[0].propagated ? body : undefined;
    }, 60_000);
    expect(statuses(delivered, org.management.accountId)['us-east-1']).toBe('covered');
    expect(delivered.trails[0]).toMatchObject({ isLogging: true, propagated: true });
    expect(delivered.trails[0].latestDeliveryTime).toEqual(expect.any(String));

    // A member sees itself only, and what it inherits.
    const asMember = await coverage(member);
    expect(asMember.accounts.map((a) => a.accountId)).toEqual([member.accountId]);
    expect(asMember.trails.map((t) => t.arn)).toEqual([arn]);

    // Filters: one OU's subtree, one trail.
    const organizations = app.organizations(org.management);
    const { OrganizationalUnit } = await organizations.send(
      new CreateOrganizationalUnitCommand({ ParentId: org.rootId, Name: uniqueName('ou') }),
    );
    await organizations.send(
      new MoveAccountCommand({
        AccountId: member.accountId,
        SourceParentId: org.rootId,
        DestinationParentId: OrganizationalUnit!.Id!,
      }),
    );
    const underOu = await coverage(org.management, `?organizationalUnitId=${OrganizationalUnit!.Id!}`);
    expect(underOu.accounts.map((a) => [a.accountId, a.parentId])).toEqual([
      [member.accountId, OrganizationalUnit!.Id!],
    ]);
    const otherTrail = await coverage(org.management, '?trail=nothing-by-that-name');
    expect(otherTrail.trails).toEqual([]);
    expect(statuses(otherTrail, member.accountId)['us-east-1']).toBe('gap');
  }, 180_000);
});
