import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { type LogFileEvent, planLogFiles } from './plan-log-files';

const DELIVERED_AT = new Date('2024-05-01T12:34:56Z');
const ACCOUNTS = ['111111111111', '222222222222'];
const REGIONS = ['us-east-1', 'eu-west-1'];

/** `perPlace` events for each (account, Region), interleaved as recording would interleave them. */
function events(perPlace: number): LogFileEvent[] {
  const all: LogFileEvent[] = [];
  for (let n = 0; n < perPlace; n++) {
    for (const accountId of ACCOUNTS) {
      for (const region of REGIONS) {
        const eventTime = new Date(Date.UTC(2024, 4, 1, 12, 0, n % 60));
        const record = {
          eventID: `${accountId}-${region}-${n}`,
          eventTime: eventTime.toISOString(),
          recipientAccountId: accountId,
          awsRegion: region,
        };
        all.push({ accountId, region, eventTime, recordJson: JSON.stringify(record) });
      }
    }
  }
  return all;
}

describe('planLogFiles', () => {
  it("packs one file per account and Region, with that place's records in the order given", async () => {
    const given = events(30);
    const files = await planLogFiles({ organizationId: 'o-abcdefghij' }, given, DELIVERED_AT);

    expect(files.map((file) => `${file.accountId}/${file.region}`).sort()).toEqual(
      ACCOUNTS.flatMap((account) => REGIONS.map((region) => `${account}/${region}`)).sort(),
    );
    for (const file of files) {
      const body = gunzipSync(file.body);
      const { Records } = JSON.parse(body.toString('utf8')) as { Records: Array<{ eventID: string }> };
      const expected = given.filter(
        (event) => event.accountId === file.accountId && event.region === file.region,
      );
      expect(Records.map((record) => record.eventID)).toEqual(
        expected.map((event) => (JSON.parse(event.recordJson) as { eventID: string }).eventID),
      );
      expect(file.recordCount).toBe(30);
      expect(file.uncompressedSha256).toBe(createHash('sha256').update(body).digest('hex'));
      expect(file.key).toMatch(
        new RegExp(`^AWSLogs/o-abcdefghij/${file.accountId}/CloudTrail/${file.region}/2024/05/01/`),
      );
    }
  });

  it('lets other work on the event loop run while it packs a large batch', async () => {
    let timerRan = false;
    setTimeout(() => (timerRan = true), 0);
    await planLogFiles({}, events(5_000), DELIVERED_AT);

    // Read as the packing resolves, before any later timer could run.
    expect(timerRan).toBe(true);
  });
});
