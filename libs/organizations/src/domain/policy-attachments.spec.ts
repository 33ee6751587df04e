import { DuplicatePolicyAttachmentError, PolicyNotAttachedError } from './organization-policy.errors';
import { ConstraintViolationError, InvalidInputError } from './organization.errors';
import {
  assertRoomForPolicy,
  attachmentsAfterAttach,
  attachmentsAfterDetach,
  effectivePolicyIds,
} from './policy-attachments';
import { FULL_AWS_ACCESS_POLICY_ID, RCP_FULL_AWS_ACCESS_POLICY_ID } from './policy-types';

const FULL = FULL_AWS_ACCESS_POLICY_ID;
const RCP_FULL = RCP_FULL_AWS_ACCESS_POLICY_ID;

function reasonOf(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return (error as ConstraintViolationError).fields;
  }
  throw new Error('no error');
}

describe('service control policy attachments', () => {
  it('gives a target without attachments of its own FullAWSAccess', () => {
    expect(effectivePolicyIds('SERVICE_CONTROL_POLICY', [])).toEqual([FULL]);
    expect(effectivePolicyIds('SERVICE_CONTROL_POLICY', ['p-11111111'])).toEqual(['p-11111111']);
  });

  it('keeps the default FullAWSAccess when the first policy is attached, and refuses duplicates', () => {
    expect(attachmentsAfterAttach('SERVICE_CONTROL_POLICY', [], 'p-11111111')).toEqual([FULL, 'p-11111111']);
    expect(() => attachmentsAfterAttach('SERVICE_CONTROL_POLICY', [], FULL)).toThrow(
      DuplicatePolicyAttachmentError,
    );
  });

  it('holds at most five SCPs per target', () => {
    const five = [FULL, 'p-1', 'p-2', 'p-3', 'p-4'];
    expect(reasonOf(() => attachmentsAfterAttach('SERVICE_CONTROL_POLICY', five, 'p-5'))).toEqual({
      Reason: 'MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED',
    });
  });

  it('leaves at least one SCP on a target and refuses to detach what is not attached', () => {
    expect(attachmentsAfterDetach('SERVICE_CONTROL_POLICY', [FULL, 'p-1'], FULL)).toEqual(['p-1']);
    expect(reasonOf(() => attachmentsAfterDetach('SERVICE_CONTROL_POLICY', [], FULL))).toEqual({
      Reason: 'MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED',
    });
    expect(() => attachmentsAfterDetach('SERVICE_CONTROL_POLICY', ['p-1'], 'p-1')).toThrow(
      ConstraintViolationError,
    );
    expect(() => attachmentsAfterDetach('SERVICE_CONTROL_POLICY', [FULL, 'p-1'], 'p-2')).toThrow(
      PolicyNotAttachedError,
    );
  });
});

describe('resource control policy attachments', () => {
  it('hold RCPFullAWSAccess by default, which counts toward five and cannot be detached', () => {
    expect(effectivePolicyIds('RESOURCE_CONTROL_POLICY', [])).toEqual([RCP_FULL]);
    expect(attachmentsAfterAttach('RESOURCE_CONTROL_POLICY', [], 'p-1')).toEqual([RCP_FULL, 'p-1']);
    expect(
      reasonOf(() =>
        attachmentsAfterAttach('RESOURCE_CONTROL_POLICY', [RCP_FULL, 'p-1', 'p-2', 'p-3', 'p-4'], 'p-5'),
      ),
    ).toEqual({
      Reason: 'MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED',
    });
    expect(() => attachmentsAfterDetach('RESOURCE_CONTROL_POLICY', [RCP_FULL, 'p-1'], RCP_FULL)).toThrow(
      new InvalidInputError('NON_DETACHABLE_POLICY', "You can't detach this AWS Managed Policy."),
    );
    expect(attachmentsAfterDetach('RESOURCE_CONTROL_POLICY', [RCP_FULL, 'p-1'], 'p-1')).toEqual([RCP_FULL]);
  });
});

describe('management policy attachments', () => {
  it('have no default, may all be detached, and allow the type’s own number per target', () => {
    expect(effectivePolicyIds('TAG_POLICY', [])).toEqual([]);
    expect(attachmentsAfterDetach('TAG_POLICY', ['p-1'], 'p-1')).toEqual([]);
    const ten = Array.from({ length: 10 }, (_, i) => `p-${i}`);
    expect(attachmentsAfterAttach('TAG_POLICY', ten.slice(0, 9), 'p-9')).toEqual(ten);
    expect(() => attachmentsAfterAttach('TAG_POLICY', ten, 'p-10')).toThrow(ConstraintViolationError);
    expect(() => attachmentsAfterAttach('AISERVICES_OPT_OUT_POLICY', ten.slice(0, 5), 'p-5')).toThrow(
      ConstraintViolationError,
    );
  });
});

describe(assertRoomForPolicy.name, () => {
  it('limits the policies of a type an organization holds', () => {
    expect(() => assertRoomForPolicy('TAG_POLICY', 999)).not.toThrow();
    expect(reasonOf(() => assertRoomForPolicy('TAG_POLICY', 1_000))).toEqual({
      Reason: 'POLICY_NUMBER_LIMIT_EXCEEDED',
    });
  });
});
