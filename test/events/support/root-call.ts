import { randomUUID } from 'node:crypto';
import { type ApiCall } from '@app/events';

/**
 * A read call of `account`'s root user in us-east-1, as the API would hand it to the recorder:
 * what a test of the event store writes directly, with `call` saying what differs.
 */
export function rootCall(
  account: { readonly accountId: string; readonly accessKeyId: string },
  call: Partial<ApiCall> & Pick<ApiCall, 'eventTime' | 'operation'>,
): ApiCall {
  return {
    eventId: randomUUID(),
    requestId: randomUUID(),
    service: 'cloudtrail',
    readOnly: true,
    resources: [],
    principal: {
      type: 'Root',
      accountId: account.accountId,
      arn: `arn:aws:iam::${account.accountId}:root`,
      principalId: account.accountId,
      accessKeyId: account.accessKeyId,
      isPartitionOperator: false,
    },
    region: 'us-east-1',
    sourceIp: '127.0.0.1',
    userAgent: 'test',
    secureTransport: false,
    requestParameters: null,
    response: null,
    ...call,
  };
}
