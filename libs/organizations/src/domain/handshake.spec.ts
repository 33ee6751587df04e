import {
  assertHandshakeTransition,
  canSeeHandshake,
  effectiveHandshakeState,
  handshakeExpiry,
  type HandshakeRecord,
  parseInviteTarget,
  toHandshake,
  validateHandshakeActionFilter,
  validateHandshakeNotes,
} from './handshake';
import { type OrganizationRecord } from './organization';

const requestedAt = new Date('2025-03-01T00:00:00Z');
const invite: HandshakeRecord = {
  id: 'h-abcdefgh',
  organizationId: 'o-abcdefghij',
  action: 'INVITE',
  state: 'OPEN',
  targetAccountId: '444455556666',
  targetType: 'ACCOUNT',
  requestedAt,
  expiresAt: handshakeExpiry(requestedAt),
};
const org: OrganizationRecord = {
  id: 'o-abcdefghij',
  managementAccountId: '111122223333',
  managementAccountEmail: 'mgmt@example.com',
  managementAccountName: 'Management',
  featureSet: 'ALL',
  rootId: 'r-ab12',
  createdAt: requestedAt,
};
const soon = new Date('2025-03-02T00:00:00Z');
const later = new Date('2025-03-16T00:00:00Z');

describe(parseInviteTarget.name, () => {
  it('reads ACCOUNT and EMAIL targets', () => {
    expect(parseInviteTarget({ type: 'ACCOUNT', id: '444455556666' })).toEqual({
      type: 'ACCOUNT',
      accountId: '444455556666',
    });
    expect(parseInviteTarget({ type: 'EMAIL', id: 'owner@example.com' })).toEqual({
      type: 'EMAIL',
      email: 'owner@example.com',
    });
  });

  it.each([
    [{ type: 'ACCOUNT', id: '4444' }, 'INVALID_PATTERN'],
    [{ type: 'EMAIL', id: 'not-an-address' }, 'INVALID_EMAIL_ADDRESS_TARGET'],
    [{ type: 'ORGANIZATION', id: 'o-abcdefghij' }, 'INVALID_PARTY_TYPE_TARGET'],
  ])('rejects %p with InvalidInputException %s', (target, reason) => {
    expect(() => parseInviteTarget(target)).toThrow(
      expect.objectContaining({ code: 'InvalidInputException', fields: { Reason: reason } }),
    );
  });
});

describe('handshake input checks', () => {
  it('limits notes to 1,024 characters', () => {
    expect(() => validateHandshakeNotes('x'.repeat(1024))).not.toThrow();
    expect(() => validateHandshakeNotes('x'.repeat(1025))).toThrow(
      expect.objectContaining({ fields: { Reason: 'MAX_LENGTH_EXCEEDED' } }),
    );
  });

  it('accepts the model action types in a filter', () => {
    expect(() => validateHandshakeActionFilter('INVITE')).not.toThrow();
    expect(() => validateHandshakeActionFilter('APPROVE_ALL_FEATURES')).not.toThrow();
    expect(() => validateHandshakeActionFilter('invite')).toThrow(
      expect.objectContaining({ fields: { Reason: 'INVALID_ENUM' } }),
    );
  });
});

describe(effectiveHandshakeState.name, () => {
  it('reads an open handshake as EXPIRED fifteen days after it was sent', () => {
    expect(invite.expiresAt.toISOString()).toBe('2025-03-16T00:00:00.000Z');
    expect(effectiveHandshakeState(invite, soon)).toBe('OPEN');
    expect(effectiveHandshakeState(invite, later)).toBe('EXPIRED');
    expect(effectiveHandshakeState({ ...invite, state: 'ACCEPTED' }, later)).toBe('ACCEPTED');
  });
});

describe(assertHandshakeTransition.name, () => {
  it('lets an open handshake be accepted, declined or canceled', () => {
    for (const to of ['ACCEPTED', 'DECLINED', 'CANCELED'] as const) {
      expect(() => assertHandshakeTransition(invite, to, soon)).not.toThrow();
    }
  });

  it('answers HandshakeAlreadyInStateException when asked for the current state', () => {
    expect(() => assertHandshakeTransition({ ...invite, state: 'ACCEPTED' }, 'ACCEPTED', soon)).toThrow(
      expect.objectContaining({ code: 'HandshakeAlreadyInStateException' }),
    );
  });

  it('answers InvalidHandshakeTransitionException for closed and expired handshakes', () => {
    expect(() => assertHandshakeTransition({ ...invite, state: 'DECLINED' }, 'ACCEPTED', soon)).toThrow(
      expect.objectContaining({ code: 'InvalidHandshakeTransitionException' }),
    );
    expect(() => assertHandshakeTransition(invite, 'ACCEPTED', later)).toThrow(
      expect.objectContaining({ code: 'InvalidHandshakeTransitionException' }),
    );
  });
});

describe(canSeeHandshake.name, () => {
  it('shows a handshake to its target and to members of the sending organization only', () => {
    expect(canSeeHandshake(invite, '444455556666', undefined)).toBe(true);
    expect(canSeeHandshake(invite, '777788889999', 'o-abcdefghij')).toBe(true);
    expect(canSeeHandshake(invite, '777788889999', 'o-zzzzzzzzzz')).toBe(false);
    expect(canSeeHandshake(invite, '777788889999', undefined)).toBe(false);
  });
});

describe(toHandshake.name, () => {
  it('renders an invitation with the inviting organization, the target and the notes', () => {
    expect(toHandshake({ ...invite, notes: 'welcome' }, org, 'aws', soon)).toEqual({
      id: 'h-abcdefgh',
      arn: 'arn:aws:organizations::111122223333:handshake/o-abcdefghij/invite/h-abcdefgh',
      parties: [
        { id: 'o-abcdefghij', type: 'ORGANIZATION' },
        { id: '444455556666', type: 'ACCOUNT' },
      ],
      state: 'OPEN',
      requestedTimestamp: requestedAt,
      expirationTimestamp: invite.expiresAt,
      action: 'INVITE',
      resources: [
        {
          type: 'ORGANIZATION',
          value: 'o-abcdefghij',
          resources: [
            { type: 'MASTER_EMAIL', value: 'mgmt@example.com' },
            { type: 'MASTER_NAME', value: 'Management' },
            { type: 'ORGANIZATION_FEATURE_SET', value: 'FULL' },
          ],
        },
        { type: 'ACCOUNT', value: '444455556666' },
        { type: 'NOTES', value: 'welcome' },
      ],
    });
  });

  it('echoes an EMAIL target as the address', () => {
    const byEmail = toHandshake(
      { ...invite, targetType: 'EMAIL', targetEmail: 'owner@example.com' },
      org,
      'aws',
      soon,
    );
    expect(byEmail.parties[1]).toEqual({ id: 'owner@example.com', type: 'EMAIL' });
    expect(byEmail.resources[1]).toEqual({ type: 'EMAIL', value: 'owner@example.com' });
  });

  it('renders the enable-all-features record with the organization as the only party', () => {
    const record: HandshakeRecord = { ...invite, action: 'ENABLE_ALL_FEATURES', state: 'ACCEPTED' };
    expect(toHandshake(record, org, 'aws', soon)).toMatchObject({
      arn: 'arn:aws:organizations::111122223333:handshake/o-abcdefghij/enable_all_features/h-abcdefgh',
      parties: [{ id: 'o-abcdefghij', type: 'ORGANIZATION' }],
      resources: [{ type: 'ORGANIZATION', value: 'o-abcdefghij' }],
      state: 'ACCEPTED',
    });
  });
});
