import {
  policyArn,
  targetArn,
  targetTypeOf,
  toPolicySummary,
  type OrganizationPolicyRecord,
} from './organization-policy';
import { InvalidInputError } from './organization.errors';
import { FULL_AWS_ACCESS_POLICY_ID, parsePolicyType, POLICY_TYPES } from './policy-types';

const org = { id: 'o-abcdefghij', managementAccountId: '111122223333' };

describe('organization policy identifiers', () => {
  it('tells roots, OUs and accounts apart', () => {
    expect(targetTypeOf('r-ab12')).toBe('ROOT');
    expect(targetTypeOf('ou-ab12-abcdefgh')).toBe('ORGANIZATIONAL_UNIT');
    expect(targetTypeOf('444455556666')).toBe('ACCOUNT');
    expect(targetTypeOf('p-abcdefgh')).toBeUndefined();
  });

  it('forms the ARNs AWS uses, with the type, AWS managed policies in the aws account', () => {
    expect(
      policyArn('aws', org, { id: 'p-abcdefgh', organizationId: org.id, type: 'SERVICE_CONTROL_POLICY' }),
    ).toBe('arn:aws:organizations::111122223333:policy/o-abcdefghij/service_control_policy/p-abcdefgh');
    expect(policyArn('aws', org, { id: 'p-abcdefgh', organizationId: org.id, type: 'TAG_POLICY' })).toBe(
      'arn:aws:organizations::111122223333:policy/o-abcdefghij/tag_policy/p-abcdefgh',
    );
    expect(
      policyArn('aws', org, {
        id: FULL_AWS_ACCESS_POLICY_ID,
        organizationId: null,
        type: 'SERVICE_CONTROL_POLICY',
      }),
    ).toBe('arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess');
    expect(
      policyArn('aws', org, {
        id: 'p-RCPFullAWSAccess',
        organizationId: null,
        type: 'RESOURCE_CONTROL_POLICY',
      }),
    ).toBe('arn:aws:organizations::aws:policy/resource_control_policy/p-RCPFullAWSAccess');
    expect(targetArn('aws', org, 'ACCOUNT', '444455556666')).toBe(
      'arn:aws:organizations::111122223333:account/o-abcdefghij/444455556666',
    );
  });

  it('summarises a policy as Organizations’ PolicySummary', () => {
    const record: OrganizationPolicyRecord = {
      id: 'p-abcdefgh',
      organizationId: org.id,
      type: 'BACKUP_POLICY',
      name: 'Backups',
      description: 'Daily',
      content: '{"plans":{}}',
      revision: 1,
    };
    expect(toPolicySummary(record, org, 'aws')).toEqual({
      id: 'p-abcdefgh',
      arn: 'arn:aws:organizations::111122223333:policy/o-abcdefghij/backup_policy/p-abcdefgh',
      name: 'Backups',
      description: 'Daily',
      type: 'BACKUP_POLICY',
      awsManaged: false,
    });
  });

  it('accepts every policy type of the model and refuses anything else as an invalid value', () => {
    for (const type of POLICY_TYPES) expect(parsePolicyType(type)).toBe(type);
    expect(POLICY_TYPES).toHaveLength(15);
    expect(() => parsePolicyType('NOPE')).toThrow(
      new InvalidInputError('INVALID_ENUM', 'You specified an invalid value.'),
    );
  });
});
