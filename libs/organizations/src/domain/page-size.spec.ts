import { pageSize } from './page-size';

describe(pageSize.name, () => {
  it('defaults to 20 and keeps 1 to 20', () => {
    expect(pageSize(undefined)).toBe(20);
    expect(pageSize(1)).toBe(1);
    expect(pageSize(20)).toBe(20);
  });

  it.each([
    [0, 'MIN_VALUE_EXCEEDED'],
    [21, 'MAX_VALUE_EXCEEDED'],
  ])('rejects %p with InvalidInputException %s', (maxResults, reason) => {
    expect(() => pageSize(maxResults)).toThrow(
      expect.objectContaining({ code: 'InvalidInputException', fields: { Reason: reason } }),
    );
  });
});
