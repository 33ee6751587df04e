import { IamValidationError } from './iam.errors';
import { parseSimulationCase } from './simulation';

describe(parseSimulationCase.name, () => {
  const request = {
    principal: { arn: 'arn:aws:iam::111111111111:user/a', account: '111111111111', type: 'User' },
    action: 'cloudtrail:GetTrail',
    resource: { arn: '*', account: '111111111111' },
    context: { 'aws:SourceIp': '10.0.0.1', 'aws:TagKeys': ['a', 'b'] },
  };

  it('takes the iam.md §8 case as it is, with absent policy lists as empty', () => {
    expect(parseSimulationCase({ request, policies: { resource: null } })).toEqual({
      request,
      policies: { identity: [], scpPath: [], resource: null },
    });
  });

  it.each([
    [{ request: { ...request, principal: { ...request.principal, type: 'Group' } }, policies: {} }],
    [{ request: { ...request, action: 7 }, policies: {} }],
    [{ request: { ...request, context: { key: 1 } }, policies: {} }],
    [{ request, policies: { identity: [{ name: 'x' }] } }],
    [{ request, policies: { scpPath: [{}] } }],
    [[]],
  ])('refuses a malformed case with ValidationError (%#)', (body) => {
    expect(() => parseSimulationCase(body)).toThrow(IamValidationError);
  });
});
