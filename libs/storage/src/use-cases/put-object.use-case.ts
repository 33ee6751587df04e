import { Injectable } from '@nestjs/common';
import { type RequestContext } from '@app/platform';
import { type ObjectHead } from '../domain/stored-object';
import { ObjectWriter, type ObjectWrite } from './object.writer';

export type PutObjectInput = ObjectWrite;

/**
 * PutObject: the transport decodes the body (`decodeObjectPayload`) and passes the bytes with the
 * Content-MD5, `x-amz-checksum-*` (header or trailer), representation headers and `x-amz-meta-*`.
 * Answers the stored head: ETag, and the checksum to echo.
 */
@Injectable()
export class PutObjectUseCase {
  constructor(private readonly writer: ObjectWriter) {}

  async execute(_ctx: RequestContext, input: PutObjectInput): Promise<ObjectHead> {
    return this.writer.write(input);
  }
}
