import { randomUUID } from 'node:crypto';
import { type TestCredentials } from '../../support/credentials';
import { signedRequest } from '../../support/signed-request';
import { type TestApp } from '../../support/test-app';

export type ServiceRecord = Record<string, unknown>;

/** A CloudTrail record as a service of the cloud would submit it: a management write by default. */
export function serviceRecord(recipientAccountId: string, overrides: ServiceRecord = {}): ServiceRecord {
  return {
    eventVersion: '1.08',
    eventID: randomUUID(),
    eventTime: new Date().toISOString(),
    eventSource: 'compute.internal',
    eventName: 'RunInstances',
    awsRegion: 'us-east-1',
    recipientAccountId,
    eventType: 'AwsApiCall',
    eventCategory: 'Management',
    readOnly: false,
    managementEvent: true,
    userIdentity: {
      type: 'AssumedRole',
      arn: `arn:aws:sts::${recipientAccountId}:assumed-role/deployer/alice`,
      accountId: recipientAccountId,
      accessKeyId: 'ASIAEXAMPLEALICE0001',
    },
    sourceIPAddress: '10.0.0.7',
    userAgent: 'compute-cli/2.0',
    requestParameters: { instanceType: 'm.large' },
    responseElements: { instanceId: 'i-0123' },
    ...overrides,
  };
}

/** A data event of a function invocation (basic selectors select `AWS::Lambda::Function`). */
export function invocation(recipientAccountId: string, region: string, functionName: string): ServiceRecord {
  return serviceRecord(recipientAccountId, {
    eventName: 'Invoke',
    awsRegion: region,
    eventCategory: 'Data',
    managementEvent: false,
    readOnly: false,
    resources: [
      {
        ARN: `arn:aws:lambda:${region}:${recipientAccountId}:function:${functionName}`,
        accountId: recipientAccountId,
        type: 'AWS::Lambda::Function',
      },
    ],
  });
}

export interface PutAnswer {
  readonly accepted: Array<{ index: number; eventID: string }>;
  readonly failed: Array<{ index: number; eventID?: string; errorCode: string; errorMessage: string }>;
}

/** POST /v1/service-events signed as `caller`. */
export function putServiceEvents(app: TestApp, caller: TestCredentials, records: readonly unknown[]) {
  return app.rest(caller).post('/v1/service-events', { records });
}

/** PutServiceEvents on the AWS JSON protocol, as an SDK-style client sends it. */
export function putServiceEventsAwsJson(app: TestApp, caller: TestCredentials, records: readonly unknown[]) {
  return signedRequest(app.url, caller, 'POST', '/', JSON.stringify({ Records: records }), {
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': 'Trailplane_20261201.PutServiceEvents',
    },
  });
}
