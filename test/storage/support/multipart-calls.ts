import {
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  ListMultipartUploadsCommand,
  type S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';

/** The multipart upload commands on one bucket, as a client (`@aws-sdk/client-s3`) sends them. */
export class MultipartCalls {
  constructor(
    private readonly bucket: string,
    private readonly s3: S3Client,
  ) {}

  /** CreateMultipartUpload: the new upload's id. */
  async start(key: string, client = this.s3): Promise<string> {
    return (await client.send(new CreateMultipartUploadCommand({ Bucket: this.bucket, Key: key }))).UploadId!;
  }

  /** UploadPart: the part's ETag. */
  async upload(
    key: string,
    uploadId: string,
    partNumber: number,
    body: Buffer,
    client = this.s3,
  ): Promise<string> {
    const command = new UploadPartCommand({
      Bucket: this.bucket,
      Key: key,
      UploadId: uploadId,
      PartNumber: partNumber,
      Body: body,
    });
    return (await client.send(command)).ETag!;
  }

  complete(key: string, uploadId: string, parts: { PartNumber: number; ETag: string }[], client = this.s3) {
    return client.send(
      new CompleteMultipartUploadCommand({
        Bucket: this.bucket,
        Key: key,
        UploadId: uploadId,
        MultipartUpload: { Parts: parts },
      }),
    );
  }

  /** The uploads in progress under `prefix`. */
  async uploads(prefix: string) {
    const listed = await this.s3.send(
      new ListMultipartUploadsCommand({ Bucket: this.bucket, Prefix: prefix }),
    );
    return listed.Uploads ?? [];
  }
}
