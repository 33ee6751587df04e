import { formatAmzDate, parseAmzDate } from './amz-date';

describe(parseAmzDate.name, () => {
  it('reads the ISO-8601 basic form', () => {
    expect(parseAmzDate('20150830T123600Z')).toEqual(new Date('2015-08-30T12:36:00Z'));
  });

  it.each([
    '2015-08-30T12:36:00Z',
    '20150830T123600',
    '20150830123600Z',
    '20150230T123600Z',
    '20150830T246000Z',
    '20150830T123660Z',
    // Date.UTC would read year 50 as 1950.
    '00500830T123600Z',
    '',
  ])('rejects %j', (value) => {
    expect(parseAmzDate(value)).toBeUndefined();
  });
});

describe(formatAmzDate.name, () => {
  it('drops milliseconds', () => {
    expect(formatAmzDate(new Date('2014-03-25T14:52:51.999Z'))).toBe('20140325T145251Z');
  });

  it.each(['20260107T010203Z', '09990101T000000Z', '99991231T235959Z'])('reads back %j', (value) => {
    expect(formatAmzDate(parseAmzDate(value) as Date)).toBe(value);
  });
});
