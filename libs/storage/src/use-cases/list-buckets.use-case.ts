import { Injectable } from '@nestjs/common';
import { InvalidPageTokenError, PageTokenCodec, type RequestContext, TransactionRunner } from '@app/platform';
import { type ListBucketsResult } from '../domain/operation-results';
import { InvalidArgumentError } from '../domain/storage.errors';
import { BucketRepository } from '../persistence/bucket.repository';

/** S3's quota of buckets per account, and so its largest page. */
export const MAX_BUCKETS_PAGE = 10_000;

export interface ListBucketsInput {
  readonly prefix?: string;
  /** `bucket-region`: only the buckets of this Region. */
  readonly bucketRegion?: string;
  readonly maxBuckets?: number;
  readonly continuationToken?: string;
}

/** ListBuckets: the caller's account's buckets by name, paged when max-buckets is given. */
@Injectable()
export class ListBucketsUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly buckets: BucketRepository,
    private readonly tokens: PageTokenCodec,
  ) {}

  async execute(ctx: RequestContext, input: ListBucketsInput): Promise<ListBucketsResult> {
    const limit = input.maxBuckets ?? MAX_BUCKETS_PAGE;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_BUCKETS_PAGE) {
      throw new InvalidArgumentError(
        `Argument max-buckets must be an integer between 1 and ${MAX_BUCKETS_PAGE}`,
        'max-buckets',
        String(input.maxBuckets),
      );
    }
    const scope = `s3:ListBuckets/${ctx.accountId}`;
    const afterName =
      input.continuationToken === undefined ? undefined : this.decode(input.continuationToken, scope);
    const rows = await this.tx.read((em) =>
      this.buckets.listByOwner(em, ctx.accountId, {
        prefix: input.prefix,
        region: input.bucketRegion,
        afterName,
        limit: limit + 1,
      }),
    );
    const buckets = rows.slice(0, limit);
    return {
      ownerAccountId: ctx.accountId,
      buckets,
      prefix: input.prefix,
      ...(rows.length > limit
        ? { continuationToken: this.tokens.encode({ scope, position: buckets[buckets.length - 1].name }) }
        : {}),
    };
  }

  private decode(token: string, scope: string): string {
    try {
      return this.tokens.decode(token, scope);
    } catch (error) {
      if (error instanceof InvalidPageTokenError) {
        throw new InvalidArgumentError(
          'The continuation token provided is incorrect',
          'continuation-token',
          token,
        );
      }
      throw error;
    }
  }
}
