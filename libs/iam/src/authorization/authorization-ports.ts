import { type PolicyDocumentInput, type StoredPolicy } from '@app/policy';
import { type DomainError, type ResourceKind, type ResourceRef } from '@app/platform';

export type { ResourceKind, ResourceRef };
import { type EntityManager } from 'typeorm';

/** An account's organization as authorization needs it. */
export interface AccountOrganization {
  readonly organizationId: string;
  readonly managementAccountId: string;
  /**
   * The SCPs of each level of the account's path, root first and the account last; `[]` when SCPs
   * do not apply (the management account, a consolidated-billing organization, SCPs disabled).
   */
  readonly scpPath: readonly (readonly StoredPolicy[])[];
  /**
   * The RCPs of each level of the account's path, root first and the account last: they bound every
   * request to the account's resources, whoever makes it. `[]` when RCPs do not apply (the management
   * account's resources, a consolidated-billing organization, RCPs not enabled on the root).
   */
  readonly rcpPath: readonly (readonly StoredPolicy[])[];
}

/** Implemented by Organizations: which organization an account is in, and its SCP and RCP paths. */
export abstract class OrganizationPolicySource {
  abstract forAccount(em: EntityManager, accountId: string): Promise<AccountOrganization | undefined>;
}

/** A resource rule (or trust policy) as a document; compiled once per distinct content. */
export interface ResourceRule {
  readonly name: string;
  readonly kind: 'resource' | 'trust';
  readonly document: PolicyDocumentInput;
}

/** What the owner's side says about a resource. */
export interface ResourceFacts {
  readonly rule?: ResourceRule;
  /** The rule must grant the caller itself: a role's trust policy (an identity allow is not enough). */
  readonly ruleMustGrant?: boolean;
  readonly tags?: readonly { readonly key: string; readonly value?: string }[];
  /** The owner's organization (aws:ResourceOrgID) when it differs from the caller's. */
  readonly organizationId?: string;
  /**
   * What a denial by the resource rule answers instead of AccessDenied: a member's write on the
   * organization trail it inherits is NotOrganizationMasterAccountException (cloudtrail.md decision 3).
   */
  readonly ruleDenialError?: () => DomainError;
}

export interface ResourceFactsQuery {
  readonly callerAccountId: string;
  readonly callerOrganizationId?: string;
  readonly region: string;
  readonly partition: string;
  readonly resource: ResourceRef;
  /** Tags are read only when a policy of the caller mentions `aws:ResourceTag/…`. */
  readonly needTags: boolean;
}

/** Knows the owner's side of one kind of resource. */
export abstract class ResourceFactsSource {
  abstract readonly kind: ResourceKind;
  /**
   * The owner's rule applies to the owner's own principals too (a bucket policy may grant or deny
   * them); otherwise it is read only for callers of other accounts, or for tags.
   */
  readonly appliesWithinAccount: boolean = false;
  abstract facts(em: EntityManager, query: ResourceFactsQuery): Promise<ResourceFacts>;
}

/** DI token: every `ResourceFactsSource` of the application. */
export const RESOURCE_FACTS_SOURCES = Symbol('RESOURCE_FACTS_SOURCES');
