import { type OrganizationRecord } from './organization';
import {
  assertCanReadOrganization,
  assertManagementAccount,
  requireOrganization,
} from './organization-access';

const org: OrganizationRecord = {
  id: 'o-abcdefghij',
  managementAccountId: '111122223333',
  managementAccountEmail: 'mgmt@example.com',
  managementAccountName: 'Management',
  featureSet: 'ALL',
  rootId: 'r-ab12',
  createdAt: new Date(),
};
const member = '444455556666';

describe(requireOrganization.name, () => {
  it('answers AWSOrganizationsNotInUseException outside any organization', () => {
    expect(() => requireOrganization(undefined)).toThrow(
      expect.objectContaining({ code: 'AWSOrganizationsNotInUseException' }),
    );
    expect(requireOrganization(org)).toBe(org);
  });
});

describe(assertManagementAccount.name, () => {
  it('lets only the management account change the organization', () => {
    expect(() => assertManagementAccount(org, org.managementAccountId)).not.toThrow();
    expect(() => assertManagementAccount(org, member)).toThrow(
      expect.objectContaining({
        code: 'AccessDeniedException',
        message: "You don't have permissions to access this resource.",
      }),
    );
  });
});

describe(assertCanReadOrganization.name, () => {
  it('lets the management account and delegated administrators read the structure', () => {
    expect(() => assertCanReadOrganization(org, org.managementAccountId, false)).not.toThrow();
    expect(() => assertCanReadOrganization(org, member, true)).not.toThrow();
    expect(() => assertCanReadOrganization(org, member, false)).toThrow(
      expect.objectContaining({ code: 'AccessDeniedException' }),
    );
  });
});
