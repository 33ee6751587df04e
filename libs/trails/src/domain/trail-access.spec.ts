import { type DomainError } from '@app/platform/errors';
import {
  assertMayChangeTrail,
  assertMayConvertOrganizationTrail,
  assertOrganizationTrailAllowed,
  type OrganizationFacts,
} from './trail-access';
import { type TrailSettings } from './trail';

const settings = (isOrganizationTrail: boolean): TrailSettings => ({
  s3BucketName: 'logs',
  includeGlobalServiceEvents: true,
  isMultiRegionTrail: true,
  logFileValidationEnabled: false,
  isOrganizationTrail,
});
const trail = (isOrganizationTrail = false) => ({
  ownerAccountId: '111111111111',
  homeRegion: 'us-east-1',
  arn: 'arn:aws:cloudtrail:us-east-1:111111111111:trail/t',
  settings: settings(isOrganizationTrail),
});
const code = (fn: () => void): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (error) {
    return (error as DomainError).code;
  }
};

describe(assertMayChangeTrail.name, () => {
  it('lets the owner change its trail in the home Region', () => {
    expect(
      code(() =>
        assertMayChangeTrail({
          trail: trail(),
          callerAccountId: '111111111111',
          callerRegion: 'us-east-1',
          callerIsDelegatedAdministrator: false,
        }),
      ),
    ).toBeUndefined();
  });

  it('refuses any change from another Region with InvalidHomeRegionException', () => {
    expect(
      code(() =>
        assertMayChangeTrail({
          trail: trail(),
          callerAccountId: '111111111111',
          callerRegion: 'eu-west-1',
          callerIsDelegatedAdministrator: false,
        }),
      ),
    ).toBe('InvalidHomeRegionException');
  });

  it('refuses a member changing an organization trail with NotOrganizationMasterAccountException', () => {
    expect(
      code(() =>
        assertMayChangeTrail({
          trail: trail(true),
          callerAccountId: '222222222222',
          callerRegion: 'us-east-1',
          callerIsDelegatedAdministrator: false,
        }),
      ),
    ).toBe('NotOrganizationMasterAccountException');
  });

  it('lets a delegated administrator change an organization trail', () => {
    expect(
      code(() =>
        assertMayChangeTrail({
          trail: trail(true),
          callerAccountId: '222222222222',
          callerRegion: 'us-east-1',
          callerIsDelegatedAdministrator: true,
        }),
      ),
    ).toBeUndefined();
  });
});

describe(assertMayConvertOrganizationTrail.name, () => {
  it('allows only the management account', () => {
    expect(code(() => assertMayConvertOrganizationTrail('1', '1'))).toBeUndefined();
    expect(code(() => assertMayConvertOrganizationTrail('2', '1'))).toBe(
      'NotOrganizationManagementAccountException',
    );
  });
});

describe(assertOrganizationTrailAllowed.name, () => {
  const ready: OrganizationFacts = {
    organizationId: 'o-abcdefghij',
    managementAccountId: '111111111111',
    allFeatures: true,
    cloudTrailAccessEnabled: true,
    callerIsDelegatedAdministrator: false,
  };

  it.each([
    [undefined, '111111111111', 'OrganizationsNotInUseException'],
    [
      { ...ready, allFeatures: false, cloudTrailAccessEnabled: false },
      '111111111111',
      'OrganizationNotInAllFeaturesModeException',
    ],
    [{ ...ready, cloudTrailAccessEnabled: false }, '222222222222', 'CloudTrailAccessNotEnabledException'],
    [ready, '222222222222', 'NotOrganizationMasterAccountException'],
  ])('checks the §3.5 preconditions in order (%#)', (organization, caller, expected) => {
    expect(code(() => assertOrganizationTrailAllowed(caller, organization))).toBe(expected);
  });

  it('admits the management account and a delegated administrator', () => {
    expect(code(() => assertOrganizationTrailAllowed('111111111111', ready))).toBeUndefined();
    expect(
      code(() =>
        assertOrganizationTrailAllowed('222222222222', { ...ready, callerIsDelegatedAdministrator: true }),
      ),
    ).toBeUndefined();
  });
});
