import { organizationTrailRule } from './trail-access';
import { parsePolicyDocument } from '@app/policy';

const trailArn = 'arn:aws:cloudtrail:us-east-1:111111111111:trail/org-trail';

describe(organizationTrailRule.name, () => {
  it('is a valid resource rule reading the trail for the organization', () => {
    const rule = parsePolicyDocument(
      organizationTrailRule({
        trailArn,
        organizationId: 'o-exampleorg1',
        delegatedAdministratorAccountIds: [],
      }),
      'resource',
    );
    expect(rule.statements).toHaveLength(1);
    expect(rule.statements[0]).toMatchObject({
      sid: 'OrganizationMembersMayRead',
      effect: 'Allow',
      actions: { negated: false, patterns: ['cloudtrail:Describe*', 'cloudtrail:Get*', 'cloudtrail:List*'] },
      resources: { negated: false, patterns: [trailArn] },
      principals: { anyone: true },
    });
  });

  it('lets delegated administrators manage the trail', () => {
    const rule = parsePolicyDocument(
      organizationTrailRule({
        trailArn,
        organizationId: 'o-exampleorg1',
        delegatedAdministratorAccountIds: ['222222222222'],
      }),
      'resource',
    );
    expect(rule.statements[1]).toMatchObject({
      sid: 'DelegatedAdministratorsMayManage',
      actions: { patterns: ['cloudtrail:*'] },
      principals: { aws: ['222222222222'] },
    });
  });
});
