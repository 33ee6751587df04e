// Types only (erased at build): the SDK's model shapes keep the member names here honest.
import type * as Aws from '@aws-sdk/client-organizations';
import { type PolicySummary, type PolicyTarget, type OrganizationPolicy } from '@app/organizations';
import { type AwsWire } from '../aws-wire';

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

export function awsPolicy(policy: OrganizationPolicy): AwsWire<Aws.Policy> {
  return { PolicySummary: awsPolicySummary(policy.policySummary), Content: policy.content };
}

export function awsPolicyTarget(target: PolicyTarget): AwsWire<Aws.PolicyTargetSummary> {
  return { TargetId: target.targetId, Arn: target.arn, Name: target.name, Type: target.type };
}
