import { iamRoleArn, iamUserArn, managedPolicyArn, type ResourceRef } from '@app/iam';
import { parseTrailArn } from '@app/trails';
import {
  accountArn,
  FULL_AWS_ACCESS_POLICY_ID,
  organizationalUnitArn,
  rootArn,
  serviceControlPolicyArn,
} from '@app/organizations';

/** Looks up the path of a user or role of the caller's account (part of its ARN); `/` when unknown. */
export type IamPathLookup = (kind: 'user' | 'role', name: string) => Promise<string>;

const ARN_ACCOUNT = /^arn:[^:]*:[^:]*:[^:]*:(\d{12}):/;

/**
 * Turns the identifiers a request names into the resources it acts on, as the caller sees them: a
 * bare trail name is the caller's trail in the called Region; an ARN carries its owner; the
 * Organizations resources of the caller's organization (whose rules that service enforces itself)
 * count as the caller's. A missing identifier (which validation then refuses) is `*`.
 */
export class ResourceScope {
  constructor(
    readonly partition: string,
    readonly region: string,
    readonly accountId: string,
    readonly organization: { readonly id: string; readonly managementAccountId: string } | undefined,
    private readonly iamPath: IamPathLookup,
  ) {}

  /** Operations that take no resource. */
  any(): ResourceRef {
    return { arn: '*', account: this.accountId };
  }

  /**
   * A trail by name (the caller's, in the called Region) or by ARN (its owner's). A malformed trail
   * ARN names no trail at all: it counts as the caller's, and the operation then refuses it
   * (CloudTrailARNInvalidException).
   */
  trail(nameOrArn: string | undefined): ResourceRef {
    if (nameOrArn === undefined) return this.any();
    if (nameOrArn.startsWith('arn:')) {
      return { arn: nameOrArn, account: this.trailOwner(nameOrArn), kind: 'trail' };
    }
    return {
      arn: `arn:${this.partition}:cloudtrail:${this.region}:${this.accountId}:trail/${nameOrArn}`,
      account: this.accountId,
      kind: 'trail',
    };
  }

  private trailOwner(arn: string): string {
    try {
      return parseTrailArn(arn, this.partition).accountId;
    } catch {
      return this.accountId;
    }
  }

  /** Several trails; none named means every trail (`*`). */
  trails(namesOrArns: readonly string[] | undefined): ResourceRef[] {
    return namesOrArns?.length ? namesOrArns.map((name) => this.trail(name)) : [this.any()];
  }

  /** The caller's account as the Account Management API names it. */
  account(): ResourceRef {
    return { arn: `arn:${this.partition}:account::${this.accountId}:account`, account: this.accountId };
  }

  organizationResource(arn: (managementAccountId: string, organizationId: string) => string): ResourceRef {
    return this.organization
      ? { arn: arn(this.organization.managementAccountId, this.organization.id), account: this.accountId }
      : this.any();
  }

  memberAccount(accountId: string | undefined): ResourceRef {
    if (accountId === undefined) return this.any();
    return this.organizationResource((management, org) =>
      accountArn(this.partition, management, org, accountId),
    );
  }

  /** A root (`r-…`), an OU (`ou-…`) or an account (12 digits) of the organization. */
  organizationNode(id: string | undefined): ResourceRef {
    if (id === undefined) return this.any();
    if (id.startsWith('r-')) {
      return this.organizationResource((management, org) => rootArn(this.partition, management, org, id));
    }
    if (id.startsWith('ou-')) {
      return this.organizationResource((management, org) =>
        organizationalUnitArn(this.partition, management, org, id),
      );
    }
    return this.memberAccount(id);
  }

  serviceControlPolicy(policyId: string | undefined): ResourceRef {
    if (policyId === undefined) return this.any();
    return this.organizationResource((management, org) =>
      serviceControlPolicyArn(this.partition, management, org, {
        id: policyId,
        organizationId: policyId === FULL_AWS_ACCESS_POLICY_ID ? null : org,
      }),
    );
  }

  async iamUser(name: string | undefined): Promise<ResourceRef> {
    if (name === undefined) return this.any();
    const path = await this.iamPath('user', name);
    return { arn: iamUserArn(this.partition, this.accountId, path, name), account: this.accountId };
  }

  async iamRole(name: string | undefined): Promise<ResourceRef> {
    if (name === undefined) return this.any();
    const path = await this.iamPath('role', name);
    return { arn: iamRoleArn(this.partition, this.accountId, path, name), account: this.accountId };
  }

  /** A user or role about to be created: its ARN from the requested path. */
  newIamEntity(
    type: 'user' | 'role' | 'policy',
    path: string | undefined,
    name: string | undefined,
  ): ResourceRef {
    if (name === undefined) return this.any();
    const arn =
      type === 'user'
        ? iamUserArn(this.partition, this.accountId, path ?? '/', name)
        : type === 'role'
          ? iamRoleArn(this.partition, this.accountId, path ?? '/', name)
          : managedPolicyArn(this.partition, this.accountId, path ?? '/', name);
    return { arn, account: this.accountId };
  }

  /** An IAM ARN as given (policy, user, role); AWS managed policies count as the caller's to read. */
  iamArn(arn: string | undefined): ResourceRef {
    if (arn === undefined) return this.any();
    return { arn, account: ARN_ACCOUNT.exec(arn)?.[1] ?? this.accountId };
  }

  /** The role of `sts:AssumeRole`: its trust policy is the owner's side. */
  roleToAssume(arn: string | undefined): ResourceRef {
    if (arn === undefined) return this.any();
    return { arn, account: ARN_ACCOUNT.exec(arn)?.[1] ?? this.accountId, kind: 'assumable-role' };
  }
}
