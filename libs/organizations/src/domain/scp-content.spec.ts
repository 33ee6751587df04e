import { checkScpContent } from './scp-content';
import { MalformedScpError, ScpConstraintViolationError } from './service-control-policy.errors';

describe(checkScpContent.name, () => {
  const statement = { Effect: 'Deny', Action: 'cloudtrail:DeleteTrail', Resource: '*' };

  it('accepts an SCP and returns its text', () => {
    const content = JSON.stringify({ Version: '2012-10-17', Statement: [statement] });
    expect(checkScpContent(content)).toBe(content);
  });

  it('refuses what the SCP grammar does not allow, with the reason', () => {
    expect(() => checkScpContent('{')).toThrow(new MalformedScpError('Syntax errors in policy.'));
    expect(() =>
      checkScpContent(
        JSON.stringify({ Version: '2012-10-17', Statement: [{ ...statement, Principal: '*' }] }),
      ),
    ).toThrow(MalformedScpError);
  });

  it('measures 5,120 characters without whitespace', () => {
    const statements = (n: number) =>
      JSON.stringify(
        {
          Version: '2012-10-17',
          Statement: Array.from({ length: n }, (_, i) => ({ Sid: `S${i}`, ...statement })),
        },
        null,
        8,
      );
    const fits = statements(60);
    expect(fits.replace(/\s/g, '').length).toBeLessThanOrEqual(5120);
    expect(fits.length).toBeGreaterThan(5120);
    expect(checkScpContent(fits)).toBe(fits);
    expect(() => checkScpContent(statements(80))).toThrow(ScpConstraintViolationError);
  });
});
