import { Injectable } from '@nestjs/common';
import { type RequestContext, TransactionRunner } from '@app/platform';
import { coverageStatus, type CoverageStatus } from '../domain/coverage';
import { CoverageRepository, type CoveringTrailRow } from '../persistence/coverage.repository';

export interface GetCoverageInput {
  readonly organizationalUnitId?: string;
  readonly trail?: string;
}

export interface CoverageCell {
  readonly status: CoverageStatus;
  /** Indexes into the report's `trails`. */
  readonly trails: readonly number[];
  readonly latestDeliveryTime: Date | null;
}

export interface CoverageAccount {
  readonly accountId: string;
  readonly name: string;
  readonly parentId: string | null;
  /** One per Region of the report, in its order. */
  readonly cells: readonly CoverageCell[];
}

export interface CoverageReport {
  readonly regions: readonly string[];
  readonly trails: readonly CoveringTrailRow[];
  readonly accounts: readonly CoverageAccount[];
}

/**
 * The coverage matrix (accounts × Regions): a management account sees its whole organization (or
 * one OU's subtree), any other account itself. Two reads in one snapshot: the cells, aggregated in
 * SQL, then the trails they name.
 */
@Injectable()
export class GetCoverageUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly coverage: CoverageRepository,
  ) {}

  async execute(ctx: RequestContext, input: GetCoverageInput): Promise<CoverageReport> {
    const { cells, trails } = await this.tx.read(async (em) => {
      const cells = await this.coverage.cells(em, {
        callerAccountId: ctx.accountId,
        parentId: input.organizationalUnitId,
        trail: input.trail,
      });
      const arns = [...new Set(cells.flatMap((cell) => cell.trailArns))];
      return { cells, trails: arns.length === 0 ? [] : await this.coverage.trails(em, arns) };
    });
    const indexOf = new Map(trails.map((trail, index) => [trail.arn, index]));
    const regions: string[] = [];
    const accounts: CoverageAccount[] = [];
    let current:
      { accountId: string; name: string; parentId: string | null; cells: CoverageCell[] } | undefined;
    for (const cell of cells) {
      if (current?.accountId !== cell.accountId) {
        current = { accountId: cell.accountId, name: cell.accountName, parentId: cell.parentId, cells: [] };
        accounts.push(current);
      }
      if (accounts.length === 1) regions.push(cell.region);
      const covering = cell.trailArns.flatMap((arn) => indexOf.get(arn) ?? []);
      current.cells.push({
        status: coverageStatus(
          cell.enabled,
          covering.map((index) => ({
            isLogging: trails[index].isLogging,
            failing: trails[index].latestDeliveryAttemptSucceeded === false,
          })),
        ),
        trails: covering,
        latestDeliveryTime: cell.latestDeliveryTime,
      });
    }
    return { regions, trails, accounts };
  }
}
