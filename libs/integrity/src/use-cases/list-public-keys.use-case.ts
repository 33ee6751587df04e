import { Injectable } from '@nestjs/common';
import { Clock, type RequestContext } from '@app/platform';
import { type PublicKeyRecord, publicKeyRange } from '../domain/public-key';
import { DigestSigningKeys } from '../services/digest-signing-keys';

export interface ListPublicKeysInput {
  readonly startTime?: Date;
  readonly endTime?: Date;
}

export interface ListPublicKeysOutput {
  readonly publicKeyList: readonly PublicKeyRecord[];
}

/**
 * ListPublicKeys (cloudtrail.md §2.16, delivery.md §5): the called Region's digest signing keys
 * whose validity overlaps [StartTime, EndTime], each bound defaulting to now. On the wire `Value`
 * is base64 of `publicKeyDer` and the validity times are epoch seconds.
 */
@Injectable()
export class ListPublicKeysUseCase {
  constructor(
    private readonly keys: DigestSigningKeys,
    private readonly clock: Clock,
  ) {}

  async execute(ctx: RequestContext, input: ListPublicKeysInput): Promise<ListPublicKeysOutput> {
    const range = publicKeyRange(input, this.clock.now());
    return { publicKeyList: await this.keys.list(ctx.region, range) };
  }
}
