import {
  assertRecognizedServicePrincipal,
  CLOUDTRAIL_SERVICE_PRINCIPAL,
  isRecognizedServicePrincipal,
  maxDelegatedAdministrators,
} from './service-principals';

describe('service principals', () => {
  it('recognises the services that integrate with Organizations', () => {
    for (const principal of [
      'cloudtrail.amazonaws.com',
      'config.amazonaws.com',
      'guardduty.amazonaws.com',
      'securityhub.amazonaws.com',
      'member.org.stacksets.cloudformation.amazonaws.com',
      'sso.amazonaws.com',
      'access-analyzer.amazonaws.com',
    ]) {
      expect(isRecognizedServicePrincipal(principal)).toBe(true);
    }
  });

  it('allows CloudTrail three delegated administrators and the others one', () => {
    expect(maxDelegatedAdministrators(CLOUDTRAIL_SERVICE_PRINCIPAL)).toBe(3);
    expect(maxDelegatedAdministrators('guardduty.amazonaws.com')).toBe(1);
  });

  it.each(['cloudtrail', 'CloudTrail.amazonaws.com', 'example.amazonaws.com', ''])(
    'rejects %p with InvalidInputException UNRECOGNIZED_SERVICE_PRINCIPAL',
    (principal) => {
      expect(() => assertRecognizedServicePrincipal(principal)).toThrow(
        expect.objectContaining({
          code: 'InvalidInputException',
          fields: { Reason: 'UNRECOGNIZED_SERVICE_PRINCIPAL' },
        }),
      );
    },
  );
});
