import { Injectable } from '@nestjs/common';
import { CLOUDTRAIL_SERVICE_PRINCIPAL, OrganizationDirectory } from '@app/organizations';
import { type RequestContext } from '@app/platform';
import { type EntityManager } from 'typeorm';
import { assertMayChangeTrail, type OrganizationFacts } from '../domain/trail-access';
import { formatTrailArn, parseTrailReference } from '../domain/trail-arn';
import { type TrailRecord } from '../domain/trail-record';
import { TrailNotFoundError } from '../domain/trail.errors';
import { TrailRepository } from '../persistence/trail.repository';

/**
 * Finds the trail a request names (cloudtrail.md §3.1): a bare name only among the caller's own
 * trails homed in the called Region; an ARN wherever the caller holds a copy in the called Region
 * (shadows of its multi-Region trails, inherited organization trails).
 */
@Injectable()
export class TrailLocator {
  constructor(
    private readonly trails: TrailRepository,
    private readonly organizations: OrganizationDirectory,
  ) {}

  async find(em: EntityManager, ctx: RequestContext, nameOrArn: string): Promise<TrailRecord> {
    const reference = parseTrailReference(nameOrArn, ctx.partition);
    const trail =
      reference.kind === 'name'
        ? await this.trails.findByName(em, ctx.accountId, ctx.region, reference.name)
        : await this.trails.findVisibleByArn(em, ctx.accountId, ctx.region, reference.arn);
    if (trail) return trail;
    const arn =
      reference.kind === 'name'
        ? formatTrailArn(ctx.partition, ctx.region, ctx.accountId, reference.name)
        : reference.arn;
    throw new TrailNotFoundError(arn, ctx.accountId);
  }

  /**
   * Finds the trail for a change and locks it for this transaction, after the home-Region and
   * organization-trail rules (decisions 3 and 6).
   */
  async findForChange(em: EntityManager, ctx: RequestContext, nameOrArn: string): Promise<TrailRecord> {
    const reference = parseTrailReference(nameOrArn, ctx.partition);
    if (reference.kind === 'name') {
      // The caller's own trail in this Region: found and locked in one round trip (a change's
      // transaction holds its connection for every round trip it makes).
      const own = await this.trails.lockByName(em, ctx.accountId, ctx.region, reference.name);
      if (!own) {
        throw new TrailNotFoundError(
          formatTrailArn(ctx.partition, ctx.region, ctx.accountId, reference.name),
          ctx.accountId,
        );
      }
      await this.assertMayChange(em, ctx, own);
      return own;
    }
    const found = await this.find(em, ctx, nameOrArn);
    await this.assertMayChange(em, ctx, found);
    const locked = await this.trails.lock(em, found.id);
    if (!locked) throw new TrailNotFoundError(found.arn, ctx.accountId);
    return locked;
  }

  private async assertMayChange(em: EntityManager, ctx: RequestContext, trail: TrailRecord): Promise<void> {
    assertMayChangeTrail({
      trail,
      callerAccountId: ctx.accountId,
      callerRegion: ctx.region,
      callerIsDelegatedAdministrator:
        trail.ownerAccountId !== ctx.accountId && trail.organizationId !== null
          ? await this.isCloudTrailDelegatedAdministrator(em, trail.organizationId, ctx.accountId)
          : false,
    });
  }

  /** The caller's organization as organization-trail rules see it (undefined outside one). */
  async organizationFacts(em: EntityManager, accountId: string): Promise<OrganizationFacts | undefined> {
    const organization = await this.organizations.organizationOf(em, accountId);
    if (!organization) return undefined;
    const [cloudTrailAccessEnabled, callerIsDelegatedAdministrator] = await Promise.all([
      this.organizations.isServiceAccessEnabled(
        em,
        organization.organizationId,
        CLOUDTRAIL_SERVICE_PRINCIPAL,
      ),
      this.isCloudTrailDelegatedAdministrator(em, organization.organizationId, accountId),
    ]);
    return {
      organizationId: organization.organizationId,
      managementAccountId: organization.managementAccountId,
      allFeatures: organization.featureSet === 'ALL',
      cloudTrailAccessEnabled,
      callerIsDelegatedAdministrator,
    };
  }

  private async isCloudTrailDelegatedAdministrator(
    em: EntityManager,
    organizationId: string,
    accountId: string,
  ): Promise<boolean> {
    const admins = await this.organizations.delegatedAdministrators(
      em,
      organizationId,
      CLOUDTRAIL_SERVICE_PRINCIPAL,
    );
    return admins.includes(accountId);
  }
}
