import { PutServiceEvents } from '@app/ingestion';
import { awsJson, type AwsJsonService } from '../aws-json-service';
import { camelMembers } from '../wire-members';

/**
 * Trailplane's own operations on AWS JSON 1.1 (`X-Amz-Target: Trailplane_20261201.<Operation>`,
 * signing name `trailplane`), for SDK-style clients of the cloud's services.
 */
export const TRAILPLANE_AWS_JSON: AwsJsonService = {
  service: 'trailplane',
  targetPrefixes: ['Trailplane_20261201'],
  operations: [
    awsJson(
      PutServiceEvents,
      (output) => ({
        Accepted: output.outcomes
          .filter((o) => !o.failure)
          .map((o) => ({ Index: o.index, EventID: o.eventId })),
        Failed: output.outcomes.flatMap((o) =>
          o.failure
            ? [
                {
                  Index: o.index,
                  EventID: o.eventId,
                  ErrorCode: o.failure.code,
                  ErrorMessage: o.failure.message,
                },
              ]
            : [],
        ),
      }),
      // The records are CloudTrail records, spelled as CloudTrail spells them: only `Records` is renamed.
      (body) => {
        const { Records: records, ...others } = body;
        return { ...camelMembers(others).members, records };
      },
    ),
  ],
};
