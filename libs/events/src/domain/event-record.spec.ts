import { type Principal } from '@app/platform';
import { buildEvent, type ApiCall } from './event-record';
import { REDACTED } from './redaction';

const root: Principal = {
  type: 'Root',
  accountId: '111122223333',
  arn: 'arn:aws:iam::111122223333:root',
  principalId: '111122223333',
  accessKeyId: 'AKIAEXAMPLEEXAMPLE01',
  isPartitionOperator: false,
};

const call = (overrides: Partial<ApiCall> = {}): ApiCall => ({
  eventId: '6f1d3b3a-0000-4000-8000-000000000001',
  requestId: 'req-1',
  eventTime: new Date('2026-01-02T03:04:05.678Z'),
  service: 'cloudtrail',
  operation: 'CreateTrail',
  readOnly: false,
  principal: root,
  region: 'eu-west-1',
  sourceIp: '10.0.0.1',
  userAgent: 'aws-cli/1.0',
  secureTransport: false,
  requestParameters: { name: 't1', s3BucketName: 'logs' },
  response: { trailARN: 'arn:aws:cloudtrail:eu-west-1:111122223333:trail/t1', name: 't1' },
  resources: [{ arn: 'arn:aws:cloudtrail:eu-west-1:111122223333:trail/t1', accountId: '111122223333' }],
  ...overrides,
});

describe(buildEvent.name, () => {
  it('forms a CloudTrail 1.11 management event with the trail as its resource', () => {
    const { record, resources, username } = buildEvent(call());
    expect(record).toMatchObject({
      eventVersion: '1.11',
      eventTime: '2026-01-02T03:04:05Z',
      eventSource: 'cloudtrail.amazonaws.com',
      eventName: 'CreateTrail',
      awsRegion: 'eu-west-1',
      userIdentity: { type: 'Root', accountId: '111122223333', arn: 'arn:aws:iam::111122223333:root' },
      requestParameters: { name: 't1', s3BucketName: 'logs' },
      responseElements: { name: 't1' },
      readOnly: false,
      eventType: 'AwsApiCall',
      managementEvent: true,
      eventCategory: 'Management',
      recipientAccountId: '111122223333',
      resources: [
        {
          ARN: 'arn:aws:cloudtrail:eu-west-1:111122223333:trail/t1',
          accountId: '111122223333',
          type: 'AWS::CloudTrail::Trail',
        },
      ],
    });
    expect(username).toBe('root');
    expect(resources[0]?.name).toBe('t1');
  });

  it('records reads with null responseElements and failures with errorCode', () => {
    expect(buildEvent(call({ readOnly: true })).record.responseElements).toBeNull();
    const failed = buildEvent(call({ error: { code: 'TrailNotFoundException', message: 'no' } }));
    expect(failed.record).toMatchObject({
      errorCode: 'TrailNotFoundException',
      errorMessage: 'no',
      responseElements: null,
    });
    expect(failed.errorCode).toBe('TrailNotFoundException');
  });

  it('records an authorization denial as AccessDenied, as CloudTrail does, whatever the protocol answered', () => {
    for (const code of ['AccessDeniedException', 'AccessDenied']) {
      const denied = buildEvent(call({ error: { code, message: 'User: x is not authorized' } }));
      expect(denied.record).toMatchObject({
        errorCode: 'AccessDenied',
        errorMessage: 'User: x is not authorized',
      });
      expect(denied.errorCode).toBe('AccessDenied');
    }
  });

  it('records global services in us-east-1', () => {
    expect(buildEvent(call({ service: 'organizations', region: 'eu-west-1' })).record.awsRegion).toBe(
      'us-east-1',
    );
  });

  it('never records a secret', () => {
    const { record } = buildEvent(
      call({
        service: 'sts',
        operation: 'AssumeRole',
        requestParameters: { roleArn: 'arn:aws:iam::111122223333:role/r' },
        response: { credentials: { accessKeyId: 'ASIA1', secretAccessKey: 's3cr3t', sessionToken: 't0k3n' } },
      }),
    );
    const text = JSON.stringify(record);
    expect(text).not.toContain('s3cr3t');
    expect(text).not.toContain('t0k3n');
    expect(text).toContain(REDACTED);
  });

  it('redacts secret-bearing members whatever their case and separators', () => {
    const { record } = buildEvent(
      call({
        requestParameters: {
          'X-Amz-Security-Token': 't0k3n-1',
          'x-amz-signature': 'sig-2',
          session_token: 't0k3n-3',
          SecretAccessKey: 's3cr3t-4',
          nested: [{ Authorization: 'AWS4-HMAC-SHA256 5' }],
          roleSessionName: 'kept',
        },
      }),
    );
    expect(record.requestParameters).toEqual({
      'X-Amz-Security-Token': REDACTED,
      'x-amz-signature': REDACTED,
      session_token: REDACTED,
      SecretAccessKey: REDACTED,
      nested: [{ Authorization: REDACTED }],
      roleSessionName: 'kept',
    });
  });

  it('names an assumed role by session, with its issuer', () => {
    const principal: Principal = {
      type: 'AssumedRole',
      accountId: '111122223333',
      arn: 'arn:aws:sts::111122223333:assumed-role/Admin/alice',
      principalId: 'AROAEXAMPLE:alice',
      accessKeyId: 'ASIAEXAMPLE',
      isPartitionOperator: false,
      sessionIssuer: {
        type: 'Role',
        principalId: 'AROAEXAMPLE',
        arn: 'arn:aws:iam::111122223333:role/Admin',
        accountId: '111122223333',
        userName: 'Admin',
      },
      sessionCreatedAt: new Date('2026-01-01T00:00:00Z'),
    };
    const event = buildEvent(call({ principal }));
    expect(event.username).toBe('alice');
    expect(event.record.userIdentity).toMatchObject({
      type: 'AssumedRole',
      sessionContext: {
        sessionIssuer: { userName: 'Admin' },
        attributes: { creationDate: '2026-01-01T00:00:00Z' },
      },
    });
  });

  it('records what PostgreSQL cannot store (U+0000, lone surrogates, half a pair cut off) as U+FFFD', () => {
    const { record, resources } = buildEvent(
      call({
        operation: 'GetUser',
        readOnly: true,
        requestParameters: {
          userName: 'a\u0000b',
          'k\uD800': ['\uDFFFx', 'arn:aws:cloudtrail:eu-west-1:111122223333:trail/t\u0000'],
        },
        response: undefined,
        resources: [
          { arn: 'arn:aws:cloudtrail:eu-west-1:111122223333:trail/t\u0000', accountId: '111122223333' },
        ],
        error: { code: 'ValidationException', message: `Name "${'x'.repeat(1017)}\uD808\uDF24" is invalid` },
      }),
    );
    expect(record.requestParameters).toEqual({
      userName: 'a\uFFFDb',
      'k\uFFFD': ['\uFFFDx', 'arn:aws:cloudtrail:eu-west-1:111122223333:trail/t\uFFFD'],
    });
    expect(record.errorMessage).toBe(`Name "${'x'.repeat(1017)}\uFFFD`);
    expect(JSON.stringify(record)).not.toMatch(/\\u0000|\\ud[89a-f]/i);
    expect(resources.map((r) => r.name)).toEqual(['t\uFFFD']);
  });
});
