import { Injectable } from '@nestjs/common';
import {
  type ResourceFacts,
  type ResourceFactsQuery,
  ResourceFactsSource,
  type ResourceKind,
} from '@app/iam';
import { CLOUDTRAIL_SERVICE_PRINCIPAL, OrganizationDirectory } from '@app/organizations';
import { organizationTrailRule } from '../domain/trail-access';
import { NotOrganizationMasterAccountError } from '../domain/trail.errors';
import { parseTrailArn } from '../domain/trail-arn';
import { TrailRepository } from '../persistence/trail.repository';
import { type EntityManager } from 'typeorm';

/**
 * The owner's side of a trail (iam.md §2, §7): its tags (for `aws:ResourceTag/…`), and for an
 * organization trail of the caller's organization the built-in resource rule — members read,
 * CloudTrail delegated administrators manage — whose denial of a member's write answers
 * NotOrganizationMasterAccountException (cloudtrail.md decision 3). Any other trail of another
 * account has no rule: nothing else crosses accounts.
 */
@Injectable()
export class TrailResourceFacts extends ResourceFactsSource {
  readonly kind: ResourceKind = 'trail';

  constructor(
    private readonly trails: TrailRepository,
    private readonly organizations: OrganizationDirectory,
  ) {
    super();
  }

  async facts(em: EntityManager, query: ResourceFactsQuery): Promise<ResourceFacts> {
    const arn = parsedTrailArn(query.resource.arn, query.partition);
    const trail = arn ? await this.trails.findByName(em, arn.accountId, arn.region, arn.name) : undefined;
    const tags = query.needTags ? { tags: trail?.tags ?? [] } : {};
    if (query.resource.account === query.callerAccountId) return tags;
    const organizationId = trail?.settings.isOrganizationTrail ? trail.organizationId : null;
    if (!trail || organizationId === null || organizationId !== query.callerOrganizationId) return tags;
    const delegatedAdministratorAccountIds = await this.organizations.delegatedAdministrators(
      em,
      organizationId,
      CLOUDTRAIL_SERVICE_PRINCIPAL,
    );
    return {
      ...tags,
      organizationId,
      rule: {
        name: 'OrganizationTrailRule',
        kind: 'resource',
        document: organizationTrailRule({
          trailArn: trail.arn,
          organizationId,
          delegatedAdministratorAccountIds,
        }),
      },
      ruleDenialError: () => new NotOrganizationMasterAccountError(),
    };
  }
}

/** The ARN's parts, or undefined when it is not a well-formed trail ARN (the use case then says why). */
function parsedTrailArn(arn: string, partition: string): ReturnType<typeof parseTrailArn> | undefined {
  try {
    return parseTrailArn(arn, partition);
  } catch {
    return undefined;
  }
}
