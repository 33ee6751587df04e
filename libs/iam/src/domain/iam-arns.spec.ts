import { assumedRoleArn, iamRoleArn, iamUserArn, managedPolicyArn, parseIamArn } from './iam-arns';

describe('IAM ARNs', () => {
  it('forms user, role, policy and assumed-role ARNs, paths included (not in assumed roles)', () => {
    expect(iamUserArn('aws', '111122223333', '/ops/', 'alice')).toBe(
      'arn:aws:iam::111122223333:user/ops/alice',
    );
    expect(iamRoleArn('aws', '111122223333', '/', 'Admin')).toBe('arn:aws:iam::111122223333:role/Admin');
    expect(managedPolicyArn('aws', null, '/', 'ReadOnlyAccess')).toBe(
      'arn:aws:iam::aws:policy/ReadOnlyAccess',
    );
    expect(managedPolicyArn('aws', '111122223333', '/team/', 'Mine')).toBe(
      'arn:aws:iam::111122223333:policy/team/Mine',
    );
    expect(assumedRoleArn('aws', '111122223333', 'Admin', 's1')).toBe(
      'arn:aws:sts::111122223333:assumed-role/Admin/s1',
    );
  });

  it('parses what it forms, and nothing of another partition or type', () => {
    expect(parseIamArn('arn:aws:iam::111122223333:user/ops/alice', 'aws')).toEqual({
      account: '111122223333',
      type: 'user',
      path: '/ops/',
      name: 'alice',
    });
    expect(parseIamArn('arn:aws:iam::aws:policy/ReadOnlyAccess', 'aws')).toEqual({
      account: 'aws',
      type: 'policy',
      path: '/',
      name: 'ReadOnlyAccess',
    });
    expect(parseIamArn('arn:aws-cn:iam::111122223333:role/Admin', 'aws')).toBeUndefined();
    expect(parseIamArn('arn:aws:iam::aws:role/Admin', 'aws')).toBeUndefined();
    expect(parseIamArn('arn:aws:iam::111122223333:group/Admins', 'aws')).toBeUndefined();
    expect(parseIamArn('arn:aws:sts::111122223333:assumed-role/Admin/s1', 'aws')).toBeUndefined();
  });
});
