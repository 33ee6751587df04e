import {
  type MemberRecord,
  type OrganizationRecord,
  parentOf,
  parseFeatureSet,
  toMemberAccount,
  toOrganization,
  toOrganizationalUnit,
  toRoot,
} from './organization';

const org: OrganizationRecord = {
  id: 'o-abcdefghij',
  managementAccountId: '111122223333',
  managementAccountEmail: 'mgmt@example.com',
  managementAccountName: 'Management',
  featureSet: 'ALL',
  rootId: 'r-ab12',
  createdAt: new Date('2025-01-01T00:00:00Z'),
};

describe(parseFeatureSet.name, () => {
  it('defaults to ALL and accepts CONSOLIDATED_BILLING', () => {
    expect(parseFeatureSet(undefined)).toBe('ALL');
    expect(parseFeatureSet('CONSOLIDATED_BILLING')).toBe('CONSOLIDATED_BILLING');
  });

  it('rejects anything else with InvalidInputException INVALID_ENUM', () => {
    expect(() => parseFeatureSet('all')).toThrow(
      expect.objectContaining({ code: 'InvalidInputException', fields: { Reason: 'INVALID_ENUM' } }),
    );
  });
});

describe(toOrganization.name, () => {
  it('describes the management account and the policy types of an all-features organization', () => {
    expect(toOrganization(org, 'aws')).toEqual({
      id: 'o-abcdefghij',
      arn: 'arn:aws:organizations::111122223333:organization/o-abcdefghij',
      featureSet: 'ALL',
      masterAccountArn: 'arn:aws:organizations::111122223333:account/o-abcdefghij/111122223333',
      masterAccountId: '111122223333',
      masterAccountEmail: 'mgmt@example.com',
      availablePolicyTypes: [{ type: 'SERVICE_CONTROL_POLICY', status: 'ENABLED' }],
    });
  });

  it('lists no policy types for consolidated billing', () => {
    expect(
      toOrganization({ ...org, featureSet: 'CONSOLIDATED_BILLING' }, 'aws').availablePolicyTypes,
    ).toEqual([]);
  });
});

describe(toRoot.name, () => {
  it('names the root "Root" with the policy types it has enabled, none until EnablePolicyType', () => {
    expect(toRoot(org, [], 'aws')).toEqual({
      id: 'r-ab12',
      arn: 'arn:aws:organizations::111122223333:root/o-abcdefghij/r-ab12',
      name: 'Root',
      policyTypes: [],
    });
    expect(toRoot(org, ['SERVICE_CONTROL_POLICY', 'TAG_POLICY'], 'aws').policyTypes).toEqual([
      { type: 'SERVICE_CONTROL_POLICY', status: 'ENABLED' },
      { type: 'TAG_POLICY', status: 'ENABLED' },
    ]);
  });
});

describe(toMemberAccount.name, () => {
  it('reports the account status as both Status and State', () => {
    const member: MemberRecord = {
      accountId: '444455556666',
      organizationId: org.id,
      parentId: org.rootId,
      joinedMethod: 'CREATED',
      joinedAt: new Date('2025-02-01T00:00:00Z'),
      name: 'Audit',
      email: 'audit@example.com',
      status: 'ACTIVE',
    };
    expect(toMemberAccount(member, org, 'aws')).toMatchObject({
      id: '444455556666',
      arn: 'arn:aws:organizations::111122223333:account/o-abcdefghij/444455556666',
      status: 'ACTIVE',
      state: 'ACTIVE',
      joinedMethod: 'CREATED',
    });
  });
});

describe(toOrganizationalUnit.name, () => {
  it('forms the path from the organization down to the OU, ending with a slash', () => {
    const ou = {
      id: 'ou-ab12-cccccccc',
      organizationId: org.id,
      parentId: 'ou-ab12-bbbbbbbb',
      name: 'Prod',
      depth: 2,
      createdAt: new Date(),
    };
    expect(toOrganizationalUnit(ou, org, ['ou-ab12-bbbbbbbb'], 'aws')).toEqual({
      id: 'ou-ab12-cccccccc',
      arn: 'arn:aws:organizations::111122223333:ou/o-abcdefghij/ou-ab12-cccccccc',
      name: 'Prod',
      path: 'o-abcdefghij/r-ab12/ou-ab12-bbbbbbbb/ou-ab12-cccccccc/',
    });
  });
});

describe(parentOf.name, () => {
  it('types the root and OUs', () => {
    expect(parentOf('r-ab12', org)).toEqual({ id: 'r-ab12', type: 'ROOT' });
    expect(parentOf('ou-ab12-bbbbbbbb', org)).toEqual({
      id: 'ou-ab12-bbbbbbbb',
      type: 'ORGANIZATIONAL_UNIT',
    });
  });
});
