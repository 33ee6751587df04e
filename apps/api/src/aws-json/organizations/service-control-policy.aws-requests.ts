import { IsDefined, IsIn, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { POLICY_TYPES } from '@app/organizations';
import { OrganizationsAwsRequest } from './organizations.aws-validation';
import { PageAwsRequest } from './page.aws-request';

/* Request shapes of the service control policy operations ([ORG-MODEL] constraints). */

const POLICY_ID = /^p-[0-9a-zA-Z_]{8,128}$/;
const TARGET_ID = /^(r-[0-9a-z]{4,32}|\d{12}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$/;
const ROOT_ID = /^r-[0-9a-z]{4,32}$/;

export class CreatePolicyAwsRequest extends OrganizationsAwsRequest {
  @IsDefined() @IsString() @Length(1, 1_000_000) Content!: string;
  @IsDefined() @IsString() @MaxLength(512) Description!: string;
  @IsDefined() @IsString() @Length(1, 128) Name!: string;
  @IsDefined() @IsString() @IsIn(POLICY_TYPES) Type!: string;
}

export class UpdatePolicyAwsRequest extends OrganizationsAwsRequest {
  @IsDefined() @IsString() @MaxLength(130) @Matches(POLICY_ID) PolicyId!: string;
  @IsOptional() @IsString() @Length(1, 128) Name?: string;
  @IsOptional() @IsString() @MaxLength(512) Description?: string;
  @IsOptional() @IsString() @Length(1, 1_000_000) Content?: string;
}

/** `{PolicyId}`: DescribePolicy, DeletePolicy. */
export class PolicyIdAwsRequest extends OrganizationsAwsRequest {
  @IsDefined() @IsString() @MaxLength(130) @Matches(POLICY_ID) PolicyId!: string;
}

/** `{PolicyId, TargetId}`: AttachPolicy, DetachPolicy. */
export class PolicyTargetAwsRequest extends OrganizationsAwsRequest {
  @IsDefined() @IsString() @MaxLength(130) @Matches(POLICY_ID) PolicyId!: string;
  @IsDefined() @IsString() @MaxLength(100) @Matches(TARGET_ID) TargetId!: string;
}

export class ListPoliciesAwsRequest extends PageAwsRequest {
  @IsDefined() @IsString() @IsIn(POLICY_TYPES) Filter!: string;
}

export class ListPoliciesForTargetAwsRequest extends PageAwsRequest {
  @IsDefined() @IsString() @MaxLength(100) @Matches(TARGET_ID) TargetId!: string;
  @IsDefined() @IsString() @IsIn(POLICY_TYPES) Filter!: string;
}

export class ListTargetsForPolicyAwsRequest extends PageAwsRequest {
  @IsDefined() @IsString() @MaxLength(130) @Matches(POLICY_ID) PolicyId!: string;
}

/** `{RootId, PolicyType}`: EnablePolicyType, DisablePolicyType. */
export class PolicyTypeAwsRequest extends OrganizationsAwsRequest {
  @IsDefined() @IsString() @MaxLength(34) @Matches(ROOT_ID) RootId!: string;
  @IsDefined() @IsString() @IsIn(POLICY_TYPES) PolicyType!: string;
}
