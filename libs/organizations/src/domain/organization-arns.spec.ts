import {
  accountArn,
  handshakeArn,
  organizationalUnitArn,
  organizationArn,
  rootArn,
} from './organization-arns';

describe('Organizations ARNs', () => {
  const mgmt = '111122223333';
  const org = 'o-abcdefghij';

  it('carries the management account id and no Region', () => {
    expect(organizationArn('aws', mgmt, org)).toBe(
      'arn:aws:organizations::111122223333:organization/o-abcdefghij',
    );
    expect(accountArn('aws', mgmt, org, '444455556666')).toBe(
      'arn:aws:organizations::111122223333:account/o-abcdefghij/444455556666',
    );
    expect(rootArn('aws', mgmt, org, 'r-ab12')).toBe(
      'arn:aws:organizations::111122223333:root/o-abcdefghij/r-ab12',
    );
    expect(organizationalUnitArn('aws', mgmt, org, 'ou-ab12-abcd1234')).toBe(
      'arn:aws:organizations::111122223333:ou/o-abcdefghij/ou-ab12-abcd1234',
    );
  });

  it('names the handshake action in lower case', () => {
    expect(handshakeArn('aws', mgmt, org, 'INVITE', 'h-1')).toBe(
      'arn:aws:organizations::111122223333:handshake/o-abcdefghij/invite/h-1',
    );
    expect(handshakeArn('aws', mgmt, org, 'ENABLE_ALL_FEATURES', 'h-1')).toBe(
      'arn:aws:organizations::111122223333:handshake/o-abcdefghij/enable_all_features/h-1',
    );
  });

  it('uses the deployment partition', () => {
    expect(organizationArn('aws-cn', mgmt, org)).toMatch(/^arn:aws-cn:organizations::/);
  });
});
