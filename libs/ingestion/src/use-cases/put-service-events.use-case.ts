import { Injectable } from '@nestjs/common';
import { EventRepository, storedServiceEvent } from '@app/events';
import { Clock, type RequestContext, TransactionRunner } from '@app/platform';
import { NotOperatorAccountError } from '../domain/ingestion.errors';
import { planBatch, recipientKey, type RecordOutcome } from '../domain/service-batch';
import { checkServiceRecord } from '../domain/service-record';
import { RecipientRepository } from '../persistence/recipient.repository';
import { IngestionGate } from '../services/ingestion-gate';

export interface PutServiceEventsOutput {
  readonly outcomes: readonly RecordOutcome[];
}

/**
 * Stores the records other services of the cloud submitted (delivery.md §7) into the event
 * history, where LookupEvents (management events), log delivery and digests find them as they find
 * Trailplane's own. Records are checked one by one; the good ones of a batch are written in one
 * transaction, with one statement, each `eventID` once ever.
 */
@Injectable()
export class PutServiceEventsUseCase {
  /** Accounts known to be the operator's (it never changes once created). */
  private readonly operatorAccounts = new Set<string>();

  constructor(
    private readonly tx: TransactionRunner,
    private readonly recipients: RecipientRepository,
    private readonly events: EventRepository,
    private readonly gate: IngestionGate,
    private readonly clock: Clock,
  ) {}

  async execute(ctx: RequestContext, records: readonly unknown[]): Promise<PutServiceEventsOutput> {
    await this.assertOperatorAccount(ctx);
    const now = this.clock.now();
    const checks = records.map((raw) => checkServiceRecord(raw, now));
    return this.gate.run(async () => {
      const pairs = new Map<string, { accountId: string; region: string }>();
      for (const check of checks) {
        if (!check.ok) continue;
        const { recipientAccountId: accountId, awsRegion: region } = check.record;
        pairs.set(recipientKey(accountId, region), { accountId, region });
      }
      const found = await this.tx.read((em) => this.recipients.standings(em, [...pairs.values()]));
      const standings = new Map(found.map((r) => [recipientKey(r.accountId, r.region), r]));
      const { outcomes, toStore } = planBatch(checks, standings);
      const stored = toStore.map((record) =>
        storedServiceEvent(
          record,
          standings.get(recipientKey(record.recipientAccountId, record.awsRegion))?.organizationId ?? null,
        ),
      );
      await this.tx.run((em) => this.events.insertNew(em, stored));
      return { outcomes };
    });
  }

  private async assertOperatorAccount(ctx: RequestContext): Promise<void> {
    if (this.operatorAccounts.has(ctx.accountId)) return;
    if (!(await this.tx.read((em) => this.recipients.isOperatorAccount(em, ctx.accountId)))) {
      throw new NotOperatorAccountError(ctx.principal.arn);
    }
    this.operatorAccounts.add(ctx.accountId);
  }
}
