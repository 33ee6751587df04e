import {
  assertRoomForOrganizationalUnit,
  childDepth,
  MAX_OUS_PER_ORGANIZATION,
  validateOrganizationalUnitName,
} from './organizational-unit-rules';

describe(childDepth.name, () => {
  it('nests OUs up to five levels below the root', () => {
    expect(childDepth(0)).toBe(1);
    expect(childDepth(4)).toBe(5);
  });

  it('refuses a sixth level with OU_DEPTH_LIMIT_EXCEEDED', () => {
    expect(() => childDepth(5)).toThrow(
      expect.objectContaining({
        code: 'ConstraintViolationException',
        fields: { Reason: 'OU_DEPTH_LIMIT_EXCEEDED' },
      }),
    );
  });
});

describe(assertRoomForOrganizationalUnit.name, () => {
  it('allows the thousandth OU and refuses the next with OU_NUMBER_LIMIT_EXCEEDED', () => {
    expect(() => assertRoomForOrganizationalUnit(MAX_OUS_PER_ORGANIZATION - 1)).not.toThrow();
    expect(() => assertRoomForOrganizationalUnit(MAX_OUS_PER_ORGANIZATION)).toThrow(
      expect.objectContaining({ fields: { Reason: 'OU_NUMBER_LIMIT_EXCEEDED' } }),
    );
  });
});

describe(validateOrganizationalUnitName.name, () => {
  it('accepts 1 to 128 characters', () => {
    expect(() => validateOrganizationalUnitName('P')).not.toThrow();
    expect(() => validateOrganizationalUnitName('x'.repeat(128))).not.toThrow();
  });

  it('rejects empty and overlong names', () => {
    expect(() => validateOrganizationalUnitName('')).toThrow(
      expect.objectContaining({ code: 'InvalidInputException', fields: { Reason: 'MIN_LENGTH_EXCEEDED' } }),
    );
    expect(() => validateOrganizationalUnitName('x'.repeat(129))).toThrow(
      expect.objectContaining({ code: 'InvalidInputException', fields: { Reason: 'MAX_LENGTH_EXCEEDED' } }),
    );
  });
});
