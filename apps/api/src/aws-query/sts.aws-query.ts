import { AssumeRole, GetCallerIdentity, GetSessionToken } from '@app/iam';
import { awsQuery, type AwsQueryService, formInteger } from './aws-query-service';
import { QUERY_NAMESPACES } from './query-namespaces';

/** The second precision of STS timestamps (`2026-03-01T12:00:00Z`). */
function stsTime(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

function credentialsXml(credentials: {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
}) {
  return {
    AccessKeyId: credentials.accessKeyId,
    SecretAccessKey: credentials.secretAccessKey,
    SessionToken: credentials.sessionToken,
    Expiration: stsTime(credentials.expiration),
  };
}

/**
 * AWS STS on the query protocol (`Action=AssumeRole&Version=2011-06-15`, form-encoded or as a GET
 * query), answering the XML the AWS SDKs and the AWS CLI parse (`<AssumeRoleResponse><AssumeRoleResult>…`).
 */
export const STS_AWS_QUERY: AwsQueryService = {
  service: 'sts',
  xmlNamespace: QUERY_NAMESPACES.sts,
  operations: [
    awsQuery(
      AssumeRole,
      (session) => ({
        Credentials: credentialsXml(session.credentials),
        AssumedRoleUser: {
          AssumedRoleId: session.assumedRoleUser.assumedRoleId,
          Arn: session.assumedRoleUser.arn,
        },
      }),
      (form) => ({ ...form, durationSeconds: formInteger(form.durationSeconds) }),
    ),
    awsQuery(
      GetSessionToken,
      (session) => ({ Credentials: credentialsXml(session.credentials) }),
      (form) => ({ ...form, durationSeconds: formInteger(form.durationSeconds) }),
    ),
    awsQuery(GetCallerIdentity, (identity) => ({
      UserId: identity.userId,
      Account: identity.account,
      Arn: identity.arn,
    })),
  ],
};
