import { Injectable } from '@nestjs/common';
// Types only (erased at build): the SDK's output shapes keep the responses honest.
import type * as Aws from '@aws-sdk/client-organizations';
import {
  AttachServiceControlPolicyUseCase,
  CreateServiceControlPolicyUseCase,
  DeleteServiceControlPolicyUseCase,
  DescribeServiceControlPolicyUseCase,
  DetachServiceControlPolicyUseCase,
  DisablePolicyTypeUseCase,
  EnablePolicyTypeUseCase,
  ListPoliciesForTargetUseCase,
  ListServiceControlPoliciesUseCase,
  ListTargetsForPolicyUseCase,
  type PolicySummary,
  type PolicyTarget,
  type ServiceControlPolicy,
  UpdateServiceControlPolicyUseCase,
} from '@app/organizations';
import { type RequestContext } from '@app/platform';
import { AwsAction, AwsService } from '../aws-operation.decorator';
import { type AwsEmptyOutput, awsNextToken, awsRoot, type AwsWire } from './organizations.aws-response';
import { type PageAwsRequest } from './page.aws-request';
import {
  CreatePolicyAwsRequest,
  ListPoliciesAwsRequest,
  ListPoliciesForTargetAwsRequest,
  ListTargetsForPolicyAwsRequest,
  PolicyIdAwsRequest,
  PolicyTargetAwsRequest,
  PolicyTypeAwsRequest,
  UpdatePolicyAwsRequest,
} from './service-control-policy.aws-requests';

type Output<T> = Promise<AwsWire<T>>;

function page(input: PageAwsRequest): { nextToken?: string; maxResults?: number } {
  return { nextToken: input.NextToken, maxResults: input.MaxResults };
}

export function awsPolicySummary(summary: PolicySummary): AwsWire<Aws.PolicySummary> {
  return {
    Id: summary.id,
    Arn: summary.arn,
    Name: summary.name,
    Description: summary.description,
    Type: summary.type,
    AwsManaged: summary.awsManaged,
  };
}

export function awsPolicy(policy: ServiceControlPolicy): AwsWire<Aws.Policy> {
  return { PolicySummary: awsPolicySummary(policy.policySummary), Content: policy.content };
}

function awsPolicyTarget(target: PolicyTarget): AwsWire<Aws.PolicyTargetSummary> {
  return { TargetId: target.targetId, Arn: target.arn, Name: target.name, Type: target.type };
}

/**
 * Organizations' service control policy operations on AWS JSON 1.1 (`AWSOrganizationsV20161128.<Op>`),
 * beside the organization's other operations (same target prefix, separate class).
 */
@Injectable()
@AwsService({
  service: 'organizations',
  protocol: 'json',
  targetPrefixes: ['AWSOrganizationsV20161128'],
  validationCode: 'InvalidInputException',
})
export class ServiceControlPoliciesAwsService {
  constructor(
    private readonly createPolicy: CreateServiceControlPolicyUseCase,
    private readonly updatePolicy: UpdateServiceControlPolicyUseCase,
    private readonly deletePolicy: DeleteServiceControlPolicyUseCase,
    private readonly describePolicy: DescribeServiceControlPolicyUseCase,
    private readonly attachPolicy: AttachServiceControlPolicyUseCase,
    private readonly detachPolicy: DetachServiceControlPolicyUseCase,
    private readonly listPolicies: ListServiceControlPoliciesUseCase,
    private readonly listPoliciesForTarget: ListPoliciesForTargetUseCase,
    private readonly listTargetsForPolicy: ListTargetsForPolicyUseCase,
    private readonly enablePolicyType: EnablePolicyTypeUseCase,
    private readonly disablePolicyType: DisablePolicyTypeUseCase,
  ) {}

  @AwsAction({ input: CreatePolicyAwsRequest, readOnly: false })
  async CreatePolicy(ctx: RequestContext, input: CreatePolicyAwsRequest): Output<Aws.CreatePolicyResponse> {
    const policy = await this.createPolicy.execute(ctx, {
      content: input.Content,
      description: input.Description,
      name: input.Name,
      type: input.Type,
    });
    return { Policy: awsPolicy(policy) };
  }

  @AwsAction({ input: UpdatePolicyAwsRequest, readOnly: false })
  async UpdatePolicy(ctx: RequestContext, input: UpdatePolicyAwsRequest): Output<Aws.UpdatePolicyResponse> {
    const policy = await this.updatePolicy.execute(ctx, {
      policyId: input.PolicyId,
      name: input.Name,
      description: input.Description,
      content: input.Content,
    });
    return { Policy: awsPolicy(policy) };
  }

  @AwsAction({ input: PolicyIdAwsRequest, readOnly: false })
  async DeletePolicy(ctx: RequestContext, input: PolicyIdAwsRequest): Promise<AwsEmptyOutput> {
    await this.deletePolicy.execute(ctx, { policyId: input.PolicyId });
    return {};
  }

  @AwsAction({ input: PolicyIdAwsRequest, readOnly: true })
  async DescribePolicy(ctx: RequestContext, input: PolicyIdAwsRequest): Output<Aws.DescribePolicyResponse> {
    return { Policy: awsPolicy(await this.describePolicy.execute(ctx, { policyId: input.PolicyId })) };
  }

  @AwsAction({ input: PolicyTargetAwsRequest, readOnly: false })
  async AttachPolicy(ctx: RequestContext, input: PolicyTargetAwsRequest): Promise<AwsEmptyOutput> {
    await this.attachPolicy.execute(ctx, { policyId: input.PolicyId, targetId: input.TargetId });
    return {};
  }

  @AwsAction({ input: PolicyTargetAwsRequest, readOnly: false })
  async DetachPolicy(ctx: RequestContext, input: PolicyTargetAwsRequest): Promise<AwsEmptyOutput> {
    await this.detachPolicy.execute(ctx, { policyId: input.PolicyId, targetId: input.TargetId });
    return {};
  }

  @AwsAction({ input: ListPoliciesAwsRequest, readOnly: true })
  async ListPolicies(ctx: RequestContext, input: ListPoliciesAwsRequest): Output<Aws.ListPoliciesResponse> {
    const result = await this.listPolicies.execute(ctx, { ...page(input), filter: input.Filter });
    return { Policies: result.items.map(awsPolicySummary), ...awsNextToken(result) };
  }

  @AwsAction({ input: ListPoliciesForTargetAwsRequest, readOnly: true })
  async ListPoliciesForTarget(
    ctx: RequestContext,
    input: ListPoliciesForTargetAwsRequest,
  ): Output<Aws.ListPoliciesForTargetResponse> {
    const result = await this.listPoliciesForTarget.execute(ctx, {
      ...page(input),
      targetId: input.TargetId,
      filter: input.Filter,
    });
    return { Policies: result.items.map(awsPolicySummary), ...awsNextToken(result) };
  }

  @AwsAction({ input: ListTargetsForPolicyAwsRequest, readOnly: true })
  async ListTargetsForPolicy(
    ctx: RequestContext,
    input: ListTargetsForPolicyAwsRequest,
  ): Output<Aws.ListTargetsForPolicyResponse> {
    const result = await this.listTargetsForPolicy.execute(ctx, { ...page(input), policyId: input.PolicyId });
    return { Targets: result.items.map(awsPolicyTarget), ...awsNextToken(result) };
  }

  @AwsAction({ input: PolicyTypeAwsRequest, readOnly: false })
  async EnablePolicyType(
    ctx: RequestContext,
    input: PolicyTypeAwsRequest,
  ): Output<Aws.EnablePolicyTypeResponse> {
    const root = await this.enablePolicyType.execute(ctx, {
      rootId: input.RootId,
      policyType: input.PolicyType,
    });
    return { Root: awsRoot(root) };
  }

  @AwsAction({ input: PolicyTypeAwsRequest, readOnly: false })
  async DisablePolicyType(
    ctx: RequestContext,
    input: PolicyTypeAwsRequest,
  ): Output<Aws.DisablePolicyTypeResponse> {
    const root = await this.disablePolicyType.execute(ctx, {
      rootId: input.RootId,
      policyType: input.PolicyType,
    });
    return { Root: awsRoot(root) };
  }
}
