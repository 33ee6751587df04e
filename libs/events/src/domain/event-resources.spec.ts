import { eventResource } from './event-resources';

describe('eventResource', () => {
  it('types S3 objects and buckets as CloudTrail records them', () => {
    expect(eventResource('arn:aws:s3:::logs/AWSLogs/a.json.gz', '111122223333')).toEqual({
      arn: 'arn:aws:s3:::logs/AWSLogs/a.json.gz',
      accountId: '111122223333',
      type: 'AWS::S3::Object',
      name: 'a.json.gz',
    });
    expect(eventResource('arn:aws:s3:::logs', '111122223333')?.type).toBe('AWS::S3::Bucket');
  });
});
