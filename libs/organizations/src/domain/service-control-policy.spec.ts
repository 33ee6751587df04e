import { InvalidInputError } from './organization.errors';
import {
  assertPolicyType,
  attachmentsAfterAttach,
  attachmentsAfterDetach,
  effectivePolicyIds,
  FULL_AWS_ACCESS_POLICY_ID,
  serviceControlPolicyArn,
  targetArn,
  targetTypeOf,
} from './service-control-policy';
import {
  DuplicatePolicyAttachmentError,
  PolicyNotAttachedError,
  ScpConstraintViolationError,
} from './service-control-policy.errors';

const FULL = FULL_AWS_ACCESS_POLICY_ID;

describe('service control policy attachments', () => {
  it('gives a target without attachments of its own FullAWSAccess', () => {
    expect(effectivePolicyIds([])).toEqual([FULL]);
    expect(effectivePolicyIds(['p-11111111'])).toEqual(['p-11111111']);
  });

  it('keeps the default FullAWSAccess when the first policy is attached, and refuses duplicates', () => {
    expect(attachmentsAfterAttach([], 'p-11111111')).toEqual([FULL, 'p-11111111']);
    expect(() => attachmentsAfterAttach([], FULL)).toThrow(DuplicatePolicyAttachmentError);
    expect(() => attachmentsAfterAttach([FULL, 'p-11111111'], 'p-11111111')).toThrow(
      DuplicatePolicyAttachmentError,
    );
  });

  it('holds at most five SCPs per target', () => {
    const five = [FULL, 'p-1', 'p-2', 'p-3', 'p-4'];
    expect(() => attachmentsAfterAttach(five, 'p-5')).toThrow(ScpConstraintViolationError);
    try {
      attachmentsAfterAttach(five, 'p-5');
    } catch (error) {
      expect((error as ScpConstraintViolationError).fields).toEqual({
        Reason: 'MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED',
      });
    }
  });

  it('leaves at least one SCP on a target and refuses to detach what is not attached', () => {
    expect(attachmentsAfterDetach([FULL, 'p-1'], FULL)).toEqual(['p-1']);
    expect(() => attachmentsAfterDetach([], FULL)).toThrow(ScpConstraintViolationError);
    expect(() => attachmentsAfterDetach(['p-1'], 'p-1')).toThrow(ScpConstraintViolationError);
    expect(() => attachmentsAfterDetach([FULL, 'p-1'], 'p-2')).toThrow(PolicyNotAttachedError);
  });
});

describe('service control policy identifiers', () => {
  const org = { id: 'o-abcdefghij', managementAccountId: '111122223333' };

  it('tells roots, OUs and accounts apart', () => {
    expect(targetTypeOf('r-ab12')).toBe('ROOT');
    expect(targetTypeOf('ou-ab12-abcdefgh')).toBe('ORGANIZATIONAL_UNIT');
    expect(targetTypeOf('444455556666')).toBe('ACCOUNT');
    expect(targetTypeOf('p-abcdefgh')).toBeUndefined();
  });

  it('forms the ARNs AWS uses, AWS managed policies in the aws account', () => {
    expect(
      serviceControlPolicyArn('aws', org.managementAccountId, org.id, {
        id: 'p-abcdefgh',
        organizationId: org.id,
      }),
    ).toBe('arn:aws:organizations::111122223333:policy/o-abcdefghij/service_control_policy/p-abcdefgh');
    expect(
      serviceControlPolicyArn('aws', org.managementAccountId, org.id, { id: FULL, organizationId: null }),
    ).toBe('arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess');
    expect(targetArn('aws', org, 'ACCOUNT', '444455556666')).toBe(
      'arn:aws:organizations::111122223333:account/o-abcdefghij/444455556666',
    );
  });

  it('offers only service control policies', () => {
    expect(assertPolicyType('SERVICE_CONTROL_POLICY')).toBe('SERVICE_CONTROL_POLICY');
    expect(() => assertPolicyType('TAG_POLICY')).toThrow(InvalidInputError);
    expect(() => assertPolicyType('NOPE')).toThrow(InvalidInputError);
  });
});
