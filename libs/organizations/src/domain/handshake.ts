import { type OrganizationRecord } from './organization';
import { handshakeArn } from './organization-arns';
import { isAccountId } from './organization-ids';
import {
  HandshakeAlreadyInStateError,
  InvalidHandshakeTransitionError,
  InvalidInputError,
} from './organization.errors';
import { type Tag } from './organization-tags';

/*
 * Handshakes: invitations to join (INVITE) and the record of switching to all features
 * (ENABLE_ALL_FEATURES). An open handshake past its expiry reads as EXPIRED without being rewritten.
 */

export type HandshakeAction = 'INVITE' | 'ENABLE_ALL_FEATURES';
export type HandshakeState = 'REQUESTED' | 'OPEN' | 'CANCELED' | 'ACCEPTED' | 'DECLINED' | 'EXPIRED';
export type HandshakePartyType = 'ACCOUNT' | 'EMAIL' | 'ORGANIZATION';
export type InviteTargetType = 'ACCOUNT' | 'EMAIL';

/** Every `ActionType` a handshake filter may name (the model's enum), though only two occur here. */
const FILTERABLE_ACTIONS = [
  'INVITE',
  'ENABLE_ALL_FEATURES',
  'APPROVE_ALL_FEATURES',
  'ADD_ORGANIZATIONS_SERVICE_LINKED_ROLE',
];

export const HANDSHAKE_LIFETIME_MS = 15 * 24 * 60 * 60 * 1000;
const MAX_NOTES_LENGTH = 1024;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface HandshakeRecord {
  readonly id: string;
  readonly organizationId: string;
  readonly action: HandshakeAction;
  readonly state: HandshakeState;
  /** The account the handshake waits on (for ENABLE_ALL_FEATURES, the management account). */
  readonly targetAccountId: string;
  /** How the inviter named the target; an EMAIL target is echoed as the address. */
  readonly targetType: InviteTargetType;
  readonly targetEmail?: string;
  readonly notes?: string;
  /** An invitation's tags for the account, applied when it accepts. */
  readonly tags?: readonly Tag[];
  readonly requestedAt: Date;
  readonly expiresAt: Date;
}

export interface HandshakeParty {
  readonly id: string;
  readonly type: HandshakePartyType;
}

export interface HandshakeResource {
  readonly type: string;
  readonly value: string;
  readonly resources?: readonly HandshakeResource[];
}

export interface Handshake {
  readonly id: string;
  readonly arn: string;
  readonly parties: readonly HandshakeParty[];
  readonly state: HandshakeState;
  readonly requestedTimestamp: Date;
  readonly expirationTimestamp: Date;
  readonly action: HandshakeAction;
  readonly resources: readonly HandshakeResource[];
}

export type InviteTarget =
  | { readonly type: 'ACCOUNT'; readonly accountId: string }
  | { readonly type: 'EMAIL'; readonly email: string };

/** InviteAccountToOrganization's `Target {Type, Id}`. */
export function parseInviteTarget(target: { type: string; id: string }): InviteTarget {
  switch (target.type) {
    case 'ACCOUNT':
      if (!isAccountId(target.id)) {
        throw new InvalidInputError('INVALID_PATTERN', 'An ACCOUNT target must be a 12-digit account id.');
      }
      return { type: 'ACCOUNT', accountId: target.id };
    case 'EMAIL':
      if (target.id.length < 6 || target.id.length > 64 || !EMAIL.test(target.id)) {
        throw new InvalidInputError(
          'INVALID_EMAIL_ADDRESS_TARGET',
          'You specified an invalid email address for the invited account owner.',
        );
      }
      return { type: 'EMAIL', email: target.id };
    default:
      throw new InvalidInputError('INVALID_PARTY_TYPE_TARGET', 'The target type must be ACCOUNT or EMAIL.');
  }
}

export function validateHandshakeNotes(notes: string | undefined): void {
  if (notes !== undefined && notes.length > MAX_NOTES_LENGTH) {
    throw new InvalidInputError(
      'MAX_LENGTH_EXCEEDED',
      `Notes must be at most ${MAX_NOTES_LENGTH} characters.`,
    );
  }
}

export function validateHandshakeActionFilter(actionType: string | undefined): void {
  if (actionType !== undefined && !FILTERABLE_ACTIONS.includes(actionType)) {
    throw new InvalidInputError(
      'INVALID_ENUM',
      `ActionType must be one of ${FILTERABLE_ACTIONS.join(', ')}.`,
    );
  }
}

export function handshakeExpiry(requestedAt: Date): Date {
  return new Date(requestedAt.getTime() + HANDSHAKE_LIFETIME_MS);
}

export function effectiveHandshakeState(handshake: HandshakeRecord, now: Date): HandshakeState {
  return handshake.state === 'OPEN' && handshake.expiresAt.getTime() <= now.getTime()
    ? 'EXPIRED'
    : handshake.state;
}

/**
 * Accept, decline and cancel apply to open handshakes only: asking for the state a handshake is
 * already in is HandshakeAlreadyInState; anything else (including an expired one) is an invalid
 * transition.
 */
export function assertHandshakeTransition(
  handshake: HandshakeRecord,
  to: 'ACCEPTED' | 'DECLINED' | 'CANCELED',
  now: Date,
): void {
  const state = effectiveHandshakeState(handshake, now);
  if (state === to) throw new HandshakeAlreadyInStateError(handshake.id, state);
  if (state !== 'OPEN') throw new InvalidHandshakeTransitionError(handshake.id, state, to);
}

/** The target account and members of the organization that sent it may see a handshake. */
export function canSeeHandshake(
  handshake: HandshakeRecord,
  accountId: string,
  callerOrganizationId: string | undefined,
): boolean {
  return handshake.targetAccountId === accountId || handshake.organizationId === callerOrganizationId;
}

/** The handshake as Organizations returns it; `org` is the organization that sent it. */
export function toHandshake(
  handshake: HandshakeRecord,
  org: OrganizationRecord,
  partition: string,
  now: Date,
): Handshake {
  const organizationParty: HandshakeParty = { id: org.id, type: 'ORGANIZATION' };
  const common = {
    id: handshake.id,
    arn: handshakeArn(partition, org.managementAccountId, org.id, handshake.action, handshake.id),
    state: effectiveHandshakeState(handshake, now),
    requestedTimestamp: handshake.requestedAt,
    expirationTimestamp: handshake.expiresAt,
    action: handshake.action,
  };
  if (handshake.action === 'ENABLE_ALL_FEATURES') {
    return { ...common, parties: [organizationParty], resources: [{ type: 'ORGANIZATION', value: org.id }] };
  }
  const target: HandshakeParty =
    handshake.targetType === 'EMAIL' && handshake.targetEmail !== undefined
      ? { id: handshake.targetEmail, type: 'EMAIL' }
      : { id: handshake.targetAccountId, type: 'ACCOUNT' };
  const resources: HandshakeResource[] = [
    {
      type: 'ORGANIZATION',
      value: org.id,
      resources: [
        { type: 'MASTER_EMAIL', value: org.managementAccountEmail },
        { type: 'MASTER_NAME', value: org.managementAccountName },
        // The service's own spelling of an all-features organization in handshakes.
        {
          type: 'ORGANIZATION_FEATURE_SET',
          value: org.featureSet === 'ALL' ? 'FULL' : 'CONSOLIDATED_BILLING',
        },
      ],
    },
    { type: target.type, value: target.id },
    ...(handshake.notes === undefined ? [] : [{ type: 'NOTES', value: handshake.notes }]),
  ];
  return { ...common, parties: [organizationParty, target], resources };
}
