import { InvalidInputError } from './organization.errors';

/**
 * Service principals that can be given trusted access to an organization, with how many delegated
 * administrators each accepts. CloudTrail allows three (cloudtrail.md §3.6); the others one.
 */
const MAX_DELEGATED_ADMINISTRATORS: ReadonlyMap<string, number> = new Map([
  ['access-analyzer.amazonaws.com', 1],
  ['account.amazonaws.com', 1],
  ['auditmanager.amazonaws.com', 1],
  ['backup.amazonaws.com', 1],
  ['cloudtrail.amazonaws.com', 3],
  ['compute-optimizer.amazonaws.com', 1],
  ['config-multiaccountsetup.amazonaws.com', 1],
  ['config.amazonaws.com', 1],
  ['detective.amazonaws.com', 1],
  ['ds.amazonaws.com', 1],
  ['fms.amazonaws.com', 1],
  ['guardduty.amazonaws.com', 1],
  ['health.amazonaws.com', 1],
  ['inspector2.amazonaws.com', 1],
  ['ipam.amazonaws.com', 1],
  ['license-manager.amazonaws.com', 1],
  ['macie.amazonaws.com', 1],
  ['member.org.stacksets.cloudformation.amazonaws.com', 1],
  ['ram.amazonaws.com', 1],
  ['securityhub.amazonaws.com', 1],
  ['servicecatalog.amazonaws.com', 1],
  ['ssm.amazonaws.com', 1],
  ['sso.amazonaws.com', 1],
  ['storage-lens.s3.amazonaws.com', 1],
  ['tagpolicies.tag.amazonaws.com', 1],
]);

export const CLOUDTRAIL_SERVICE_PRINCIPAL = 'cloudtrail.amazonaws.com';

export function isRecognizedServicePrincipal(servicePrincipal: string): boolean {
  return MAX_DELEGATED_ADMINISTRATORS.has(servicePrincipal);
}

export function assertRecognizedServicePrincipal(servicePrincipal: string): void {
  if (!isRecognizedServicePrincipal(servicePrincipal)) {
    throw new InvalidInputError(
      'UNRECOGNIZED_SERVICE_PRINCIPAL',
      `You specified an unrecognized service principal: ${JSON.stringify(servicePrincipal.slice(0, 128))}.`,
    );
  }
}

/** How many delegated administrators the (recognised) service accepts. */
export function maxDelegatedAdministrators(servicePrincipal: string): number {
  assertRecognizedServicePrincipal(servicePrincipal);
  return MAX_DELEGATED_ADMINISTRATORS.get(servicePrincipal) as number;
}
