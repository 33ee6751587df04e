import { DomainError } from '@app/platform/errors';
import { assertOptInRegion, optStatusOf, validateRegionName } from './region';

describe(validateRegionName.name, () => {
  it.each(['eu-west-1', 'us-gov-east-1', 'xx-example-1', 'ap-southeast-12'])('accepts %s', (name) => {
    expect(() => validateRegionName(name)).not.toThrow();
  });

  it.each([
    '',
    'EU-WEST-1',
    'eu-west',
    'euwest1',
    'eu-west-1a',
    'eu--west-1',
    'e-west-1',
    `${'a'.repeat(30)}-b-1`,
  ])('rejects %p with InvalidRegionNameException', (name) => {
    expect(() => validateRegionName(name)).toThrow(
      expect.objectContaining({ code: 'InvalidRegionNameException' }),
    );
  });
});

describe(optStatusOf.name, () => {
  it('reports default Regions as ENABLED_BY_DEFAULT and opt-in ones by enablement', () => {
    expect(optStatusOf({ name: 'us-east-1', optIn: false }, new Set())).toBe('ENABLED_BY_DEFAULT');
    expect(optStatusOf({ name: 'af-south-1', optIn: true }, new Set(['af-south-1']))).toBe('ENABLED');
    expect(optStatusOf({ name: 'af-south-1', optIn: true }, new Set())).toBe('DISABLED');
  });
});

describe(assertOptInRegion.name, () => {
  it('refuses unknown and default Regions', () => {
    expect(() => assertOptInRegion(undefined, 'zz-nowhere-1')).toThrow(DomainError);
    expect(() => assertOptInRegion({ name: 'us-east-1', optIn: false }, 'us-east-1')).toThrow(
      expect.objectContaining({ code: 'ValidationException' }),
    );
  });
});
