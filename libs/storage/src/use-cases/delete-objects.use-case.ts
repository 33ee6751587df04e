import { Injectable } from '@nestjs/common';
import { isDomainError, type RequestContext, TransactionRunner } from '@app/platform';
import { verifyChecksum, verifyContentMd5, type ChecksumClaim } from '../domain/checksums';
import { assertObjectKey } from '../domain/object-limits';
import { type DeleteObjectsResult } from '../domain/operation-results';
import { parseDeleteObjects } from '../domain/s3-xml-requests';
import { InvalidRequestError } from '../domain/storage.errors';
import { ObjectRepository } from '../persistence/object.repository';
import { StorageLocator } from './storage.locator';

export interface DeleteObjectsInput {
  readonly bucket: string;
  /** The request body: `<Delete>` XML, as sent. */
  readonly body: Buffer;
  /** S3 demands one of these over the body: Content-MD5 or an `x-amz-checksum-*` header. */
  readonly contentMd5?: string;
  readonly checksum?: ChecksumClaim;
}

/**
 * DeleteObjects: up to 1000 keys in one statement. Keys that did not exist count as deleted (as
 * S3); a key S3 could not hold, or a version other than "null" (this store keeps no versions), is
 * reported as that key's error.
 */
@Injectable()
export class DeleteObjectsUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly locate: StorageLocator,
    private readonly objects: ObjectRepository,
  ) {}

  async execute(_ctx: RequestContext, input: DeleteObjectsInput): Promise<DeleteObjectsResult> {
    if (input.contentMd5 === undefined && input.checksum === undefined) {
      throw new InvalidRequestError('Missing required header for this request: Content-MD5');
    }
    if (input.contentMd5 !== undefined) verifyContentMd5(input.contentMd5, input.body);
    if (input.checksum !== undefined) verifyChecksum(input.checksum, input.body);
    const document = parseDeleteObjects(input.body);

    const deleted: Array<DeleteObjectsResult['deleted'][number]> = [];
    const errors: Array<DeleteObjectsResult['errors'][number]> = [];
    for (const object of document.objects) {
      const problem = keyProblem(object.key, object.versionId);
      if (problem) errors.push({ key: object.key, ...problem });
      else deleted.push(object);
    }
    await this.tx.run(async (em) => {
      await this.locate.bucket(em, input.bucket);
      await this.objects.deleteMany(
        em,
        input.bucket,
        deleted.map((object) => object.key),
      );
    });
    return { quiet: document.quiet, deleted, errors };
  }
}

function keyProblem(
  key: string,
  versionId: string | undefined,
): Pick<DeleteObjectsResult['errors'][number], 'code' | 'message'> | undefined {
  if (versionId !== undefined && versionId !== 'null') {
    return { code: 'NoSuchVersion', message: 'The specified version does not exist.' };
  }
  try {
    assertObjectKey(key);
    return undefined;
  } catch (error) {
    if (isDomainError(error)) return { code: error.code, message: error.message };
    throw error;
  }
}
