import { rootArn, validateAccountDetails } from './account';

describe(validateAccountDetails.name, () => {
  it('accepts a plain name and e-mail', () => {
    expect(() => validateAccountDetails({ name: 'Audit', email: 'audit@example.com' })).not.toThrow();
  });

  it.each([
    [{ name: '', email: 'a@example.com' }, 'INVALID_PATTERN'],
    [{ name: 'x'.repeat(51), email: 'a@example.com' }, 'MAX_LENGTH_EXCEEDED'],
    [{ name: 'ok', email: 'not-an-email' }, 'INVALID_PATTERN'],
    [{ name: 'ok', email: `${'a'.repeat(60)}@example.com` }, 'MAX_LENGTH_EXCEEDED'],
    [{ name: 'caf\u00e9', email: 'a@example.com' }, 'INVALID_PATTERN'],
  ])('rejects %p with reason %s in the caller-chosen code', (details, reason) => {
    expect(() => validateAccountDetails(details, 'InvalidInputException')).toThrow(
      expect.objectContaining({ code: 'InvalidInputException', fields: { Reason: reason } }),
    );
  });
});

describe(rootArn.name, () => {
  it('forms the root user ARN', () => {
    expect(rootArn('aws', '111122223333')).toBe('arn:aws:iam::111122223333:root');
  });
});
