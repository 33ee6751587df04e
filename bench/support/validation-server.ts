import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { CreateTrailRequest } from '@app/trails';
import { camelMembers } from '../../apps/api/src/aws-json/wire-members';
import { registerBodyParsing } from '../../apps/api/src/http/body-parsing';
import { checkInput } from '../../apps/api/src/operations/input-check';

/**
 * PERFORMANCE.md P7 in isolation: a CreateTrail route on Nest + Fastify, in memory (no database),
 * with the API's own body parsing, and its body either validated as the operation runner validates
 * it — `checkInput` with CreateTrail's input class, strict as REST or after the AWS JSON renaming —
 * or only parsed.
 */
@Controller()
class ValidationController {
  @Post('validated/trails')
  @HttpCode(200)
  async validated(@Body() body: object): Promise<{ name: string }> {
    const { input } = await checkInput(CreateTrailRequest, body, true);
    return { name: input.name };
  }

  @Post('validated-aws/trails')
  @HttpCode(200)
  async validatedAws(@Body() body: object): Promise<{ name: string }> {
    const { input } = await checkInput(
      CreateTrailRequest,
      camelMembers(body as Record<string, unknown>).members,
      false,
    );
    return { name: input.name };
  }

  @Post('raw/trails')
  @HttpCode(200)
  raw(@Body() body: { name?: string; Name?: string }): { name: string } {
    return { name: body.name ?? body.Name ?? '' };
  }
}

export interface ValidationServer {
  readonly url: string;
  close(): Promise<void>;
}

export async function startValidationServer(): Promise<ValidationServer> {
  const adapter = new FastifyAdapter({ logger: false });
  registerBodyParsing(adapter.getInstance());
  const app = await NestFactory.create<NestFastifyApplication>(
    { module: class ValidationBenchModule {}, controllers: [ValidationController] },
    adapter,
    { logger: false, bodyParser: false },
  );
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, close: () => app.close() };
}

/** A CreateTrail body of the usual size: the required members, four settings and two tags. */
export const CREATE_TRAIL_BODY = {
  name: 'bench-validation-trail',
  s3BucketName: 'bench-audit-logs',
  s3KeyPrefix: 'org/audit',
  isMultiRegionTrail: true,
  includeGlobalServiceEvents: true,
  enableLogFileValidation: true,
  tagsList: [
    { key: 'team', value: 'platform' },
    { key: 'cost-center', value: '1234' },
  ],
};

/** The same body in the AWS JSON shape. */
export const CREATE_TRAIL_AWS_BODY = {
  Name: CREATE_TRAIL_BODY.name,
  S3BucketName: CREATE_TRAIL_BODY.s3BucketName,
  S3KeyPrefix: CREATE_TRAIL_BODY.s3KeyPrefix,
  IsMultiRegionTrail: true,
  IncludeGlobalServiceEvents: true,
  EnableLogFileValidation: true,
  TagsList: [
    { Key: 'team', Value: 'platform' },
    { Key: 'cost-center', Value: '1234' },
  ],
};

/** Median microseconds of one REST validation (`checkInput` alone, no HTTP), over batches. */
export async function restValidationMicros(batches = 51, batchSize = 500): Promise<number> {
  const samples: number[] = [];
  for (let b = 0; b < batches; b++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < batchSize; i++) {
      await checkInput(CreateTrailRequest, { ...CREATE_TRAIL_BODY }, true);
    }
    samples.push(Number(process.hrtime.bigint() - start) / 1e3 / batchSize);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}
