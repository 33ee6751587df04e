import { coverageStatus } from './coverage';

describe(coverageStatus.name, () => {
  const logging = { isLogging: true, failing: false };
  const stopped = { isLogging: false, failing: false };
  const failing = { isLogging: true, failing: true };

  it('needs no trail where the Region is not enabled', () => {
    expect(coverageStatus(false, [])).toBe('disabled');
    expect(coverageStatus(false, [logging])).toBe('disabled');
  });

  it('marks a Region without trails as a gap', () => {
    expect(coverageStatus(true, [])).toBe('gap');
  });

  it('marks a failing logging trail before anything else', () => {
    expect(coverageStatus(true, [logging, failing])).toBe('failing');
  });

  it('is covered by one logging trail, not by stopped ones', () => {
    expect(coverageStatus(true, [stopped, logging])).toBe('covered');
    expect(coverageStatus(true, [stopped])).toBe('not-logging');
    expect(coverageStatus(true, [{ isLogging: false, failing: true }])).toBe('not-logging');
  });
});
