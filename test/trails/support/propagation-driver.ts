import {
  AcceptHandshakeUseCase,
  CLOUDTRAIL_SERVICE_PRINCIPAL,
  CreateOrganizationUseCase,
  DeleteOrganizationUseCase,
  EnableAwsServiceAccessUseCase,
  InviteAccountToOrganizationUseCase,
  LeaveOrganizationUseCase,
  RemoveAccountFromOrganizationUseCase,
} from '@app/organizations';
import {
  EnvSchema,
  isDomainError,
  type RequestContext,
  TransactionRunner,
  withStatementTimeout,
} from '@app/platform';
import { LaunchRegionUseCase, SetRegionOptInUseCase } from '@app/regions';
import {
  CreateTrailUseCase,
  DeleteTrailUseCase,
  ReplicaReconciler,
  type TrailRecord,
  UpdateTrailUseCase,
} from '@app/trails';
import { DataSource } from 'typeorm';
import { OPERATOR, type TestApp } from '../../support/test-app';
import { type Observed, observeWorld, PROPAGATION_BUCKET, seedWorld } from './propagation-database';
import { type Change, PropagationModel, type TrailSpec, type WorldSpec } from './propagation-model';

/**
 * Applies worlds and changes to a running Trailplane through its use cases — the code paths that
 * enqueue and run propagation — with the caller each would have. A change the API would refuse
 * (quota, not the management account, a Region the caller has not enabled) changes nothing, in
 * the database as in the model.
 */
export class PropagationDriver {
  private readonly db: DataSource;
  private trailCount = 0;

  constructor(private readonly app: TestApp) {
    this.db = app.get(DataSource);
  }

  /** Replaces the previous world with this one; its trails are created through CreateTrail. */
  async seed(spec: WorldSpec): Promise<PropagationModel> {
    await this.app.jobsIdle();
    const model = new PropagationModel(spec);
    await seedWorld(this.db, model);
    for (const trail of spec.trails) await this.apply(model, { kind: 'create-trail', trail });
    return model;
  }

  /** Runs one change; false when it did not apply (nothing to do, or refused as the API would). */
  async apply(model: PropagationModel, change: Change): Promise<boolean> {
    try {
      return await this.run(model, change);
    } catch (error) {
      if (isDomainError(error)) return false;
      throw error;
    }
  }

  /** Waits until every job the changes enqueued (and every job those enqueued) has run. */
  settle(): Promise<void> {
    return this.app.jobsIdle();
  }

  observe(): Promise<Observed> {
    return observeWorld(this.db);
  }

  private async run(model: PropagationModel, change: Change): Promise<boolean> {
    switch (change.kind) {
      case 'create-trail':
        return this.createTrail(model, change.trail);
      case 'join': {
        const accountId = model.account(change.account);
        if (model.members.has(accountId)) return false;
        const handshake = await this.app
          .get(InviteAccountToOrganizationUseCase)
          .execute(caller(model, model.management), { target: { type: 'ACCOUNT', id: accountId } });
        await this.app
          .get(AcceptHandshakeUseCase)
          .execute(caller(model, accountId), { handshakeId: handshake.id });
        model.members.add(accountId);
        return true;
      }
      case 'leave': {
        const accountId = model.account(change.account);
        if (!model.members.has(accountId) || accountId === model.management) return false;
        if (change.removedByManagement) {
          await this.app
            .get(RemoveAccountFromOrganizationUseCase)
            .execute(caller(model, model.management), { accountId });
        } else {
          await this.app.get(LeaveOrganizationUseCase).execute(caller(model, accountId));
        }
        model.members.delete(accountId);
        return true;
      }
      case 'enable-region':
      case 'disable-region': {
        const optIn = model.optInRegions();
        if (optIn.length === 0) return false;
        const accountId = model.account(change.account);
        const region = optIn[change.region % optIn.length];
        const enabled = change.kind === 'enable-region';
        if (model.optedIn.get(accountId)?.has(region) === enabled) return false;
        await this.app.get(SetRegionOptInUseCase).execute(caller(model, accountId), { region, enabled });
        if (enabled) model.optedIn.get(accountId)?.add(region);
        else model.optedIn.get(accountId)?.delete(region);
        return true;
      }
      case 'launch-region': {
        const name = model.nextRegionName();
        if (!name) return false;
        await this.app
          .get(LaunchRegionUseCase)
          .execute(caller(model, OPERATOR.accountId, { operator: true }), { name, optIn: change.optIn });
        model.regions.push({ name, optIn: change.optIn });
        return true;
      }
      case 'flip-multi-region':
      case 'flip-organization': {
        const trail = model.trail(change.trail);
        if (!trail || !model.enabledRegions(trail.ownerAccountId).includes(trail.homeRegion)) return false;
        const flip =
          change.kind === 'flip-multi-region'
            ? { isMultiRegionTrail: !trail.isMultiRegionTrail }
            : { isOrganizationTrail: !trail.isOrganizationTrail };
        await this.app
          .get(UpdateTrailUseCase)
          .execute(caller(model, trail.ownerAccountId, { region: trail.homeRegion }), {
            name: trail.name,
            ...flip,
          });
        Object.assign(trail, flip);
        return true;
      }
      case 'delete-trail': {
        const trail = model.trail(change.trail);
        if (!trail || !model.enabledRegions(trail.ownerAccountId).includes(trail.homeRegion)) return false;
        await this.app
          .get(DeleteTrailUseCase)
          .execute(caller(model, trail.ownerAccountId, { region: trail.homeRegion }), { name: trail.name });
        model.trails.splice(model.trails.indexOf(trail), 1);
        return true;
      }
      case 'dissolve-organization':
        return this.dissolveOrganization(model);
      case 'found-organization': {
        if (model.organizationExists) return false;
        const management = caller(model, model.management);
        await this.app.get(CreateOrganizationUseCase).execute(management, { featureSet: 'ALL' });
        model.organizationExists = true;
        model.members.add(model.management);
        await this.app
          .get(EnableAwsServiceAccessUseCase)
          .execute(management, { servicePrincipal: CLOUDTRAIL_SERVICE_PRINCIPAL });
        return true;
      }
      case 'repair':
        return this.repair(model, change.stray, change.dropped);
    }
  }

  /** Its organization trails become ordinary trails of the management account (DeleteOrganization). */
  private async dissolveOrganization(model: PropagationModel): Promise<boolean> {
    if (!model.organizationExists) return false;
    const management = caller(model, model.management);
    for (const accountId of [...model.members].filter((id) => id !== model.management)) {
      await this.app.get(RemoveAccountFromOrganizationUseCase).execute(management, { accountId });
      model.members.delete(accountId);
    }
    // As the operation runner runs a write call: again, should PostgreSQL pick it as a deadlock's victim.
    await this.app
      .get(TransactionRunner)
      .runRetrying(() => this.app.get(DeleteOrganizationUseCase).execute(management));
    model.organizationExists = false;
    model.members.clear();
    for (const trail of model.trails) trail.isOrganizationTrail = false;
    return true;
  }

  private async createTrail(model: PropagationModel, spec: TrailSpec): Promise<boolean> {
    const creator = spec.byManagement || spec.organization ? model.management : model.account(spec.owner);
    const enabled = model.enabledRegions(creator);
    const home = enabled[spec.home % enabled.length];
    const name = `trail-${++this.trailCount}`;
    const created: TrailRecord = await this.app
      .get(CreateTrailUseCase)
      .execute(caller(model, creator, { region: home }), {
        name,
        s3BucketName: PROPAGATION_BUCKET,
        isMultiRegionTrail: spec.multiRegion,
        isOrganizationTrail: spec.organization,
      });
    model.trails.push({
      id: created.id,
      name,
      ownerAccountId: created.ownerAccountId,
      homeRegion: home,
      isMultiRegionTrail: spec.multiRegion,
      isOrganizationTrail: spec.organization,
    });
    return true;
  }

  /**
   * Damage the reconciler did not do — a replica of a trail where it does not belong, a missing
   * one — then the propagation sweep's full pass, which must restore exactly the desired set.
   */
  private async repair(model: PropagationModel, stray: number, dropped: number): Promise<boolean> {
    await this.settle();
    const trail = model.trail(stray);
    if (!trail) return false;
    const account = model.account(stray);
    const region = model.regions[stray % model.regions.length].name;
    await this.db.transaction(async (em) => {
      await em.query(
        `INSERT INTO trail_replicas (trail_id, account_id, region, generation) VALUES ($1, $2, $3, 0)
         ON CONFLICT DO NOTHING`,
        [trail.id, account, region],
      );
      await em.query(
        `DELETE FROM trail_replicas WHERE ctid = (SELECT ctid FROM trail_replicas
            ORDER BY trail_id, account_id, region OFFSET $1 % greatest(1, (SELECT count(*) FROM trail_replicas)) LIMIT 1)`,
        [dropped],
      );
    });
    // As the sweep runs it: under the background jobs' statement bound.
    await withStatementTimeout(this.app.get(EnvSchema).TRAILPLANE_DB_JOB_STATEMENT_TIMEOUT_MS, () =>
      this.app
        .get(TransactionRunner)
        .run((em) => this.app.get(ReplicaReconciler).reconcile(em, { kind: 'all' })),
    );
    return true;
  }
}

/** The root user of `accountId` calling in `region` (by default the world's first, a default Region). */
function caller(
  model: PropagationModel,
  accountId: string,
  options: { region?: string; operator?: boolean } = {},
): RequestContext {
  return {
    requestId: `propagation-${Math.random().toString(36).slice(2)}`,
    principal: {
      type: 'Root',
      accountId,
      arn: `arn:aws:iam::${accountId}:root`,
      principalId: accountId,
      accessKeyId: 'AKIAPROPAGATIONORACLE',
      isPartitionOperator: options.operator ?? false,
    },
    accountId,
    region: options.region ?? model.regions[0].name,
    partition: 'aws',
    sourceIp: '127.0.0.1',
    userAgent: 'propagation-oracle',
    receivedAt: new Date(),
    secureTransport: true,
  };
}
