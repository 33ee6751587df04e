import { accessDeniedMessage } from './access-denied-message';
import { type AuthorizationRequest } from './authorization-request';
import { type DenyResult } from './evaluation-result';

const request: AuthorizationRequest = {
  principal: { arn: 'arn:aws:iam::222222222222:user/alice', account: '222222222222', type: 'User' },
  action: 'cloudtrail:DeleteTrail',
  resource: { arn: 'arn:aws:cloudtrail:us-east-1:111111111111:trail/org-trail', account: '111111111111' },
  context: {},
};

function denial(decision: DenyResult['decision'], kind: DenyResult['reason']['kind']): DenyResult {
  return { decision, reason: { kind, message: 'test' } };
}

const prefix =
  'User: arn:aws:iam::222222222222:user/alice is not authorized to perform: cloudtrail:DeleteTrail on resource: arn:aws:cloudtrail:us-east-1:111111111111:trail/org-trail';

describe(accessDeniedMessage.name, () => {
  it.each<[DenyResult['decision'], DenyResult['reason']['kind'], string]>([
    ['ImplicitDeny', 'identity', 'because no identity-based policy allows the cloudtrail:DeleteTrail action'],
    ['ImplicitDeny', 'scp', 'because no service control policy allows the cloudtrail:DeleteTrail action'],
    ['ImplicitDeny', 'rcp', 'because no resource control policy allows the cloudtrail:DeleteTrail action'],
    ['ImplicitDeny', 'resource', 'because no resource-based policy allows the cloudtrail:DeleteTrail action'],
    ['ExplicitDeny', 'identity', 'with an explicit deny in an identity-based policy'],
    ['ExplicitDeny', 'scp', 'with an explicit deny in a service control policy'],
    ['ExplicitDeny', 'rcp', 'with an explicit deny in a resource control policy'],
    ['ExplicitDeny', 'resource', 'with an explicit deny in a resource-based policy'],
  ])('words %s by %s as AWS does (iam.md §6)', (decision, kind, cause) => {
    expect(accessDeniedMessage(request, denial(decision, kind))).toBe(`${prefix} ${cause}`);
  });
});
