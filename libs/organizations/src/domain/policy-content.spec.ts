import { MalformedPolicyDocumentError } from './organization-policy.errors';
import { ConstraintViolationError } from './organization.errors';
import { checkPolicyContent } from './policy-content';

const REQUIREMENTS =
  'The provided policy document does not meet the requirements of the specified policy type';

function reasonOf(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    if (error instanceof MalformedPolicyDocumentError || error instanceof ConstraintViolationError) {
      return `${error.code}: ${error.message}`;
    }
    throw error;
  }
  return 'accepted';
}

describe('service control policy content', () => {
  const statement = { Effect: 'Deny', Action: 'cloudtrail:DeleteTrail', Resource: '*' };

  it('accepts an SCP and returns its text', () => {
    const content = JSON.stringify({ Version: '2012-10-17', Statement: [statement] });
    expect(checkPolicyContent('SERVICE_CONTROL_POLICY', content)).toBe(content);
  });

  it('refuses what the SCP grammar does not allow, with the reason', () => {
    expect(reasonOf(() => checkPolicyContent('SERVICE_CONTROL_POLICY', '{'))).toBe(
      'MalformedPolicyDocumentException: Syntax errors in policy.',
    );
    const withPrincipal = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ ...statement, Principal: '*' }],
    });
    expect(reasonOf(() => checkPolicyContent('SERVICE_CONTROL_POLICY', withPrincipal))).toBe(
      'MalformedPolicyDocumentException: Policy document should not specify a principal.',
    );
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
    expect(fits.length).toBeGreaterThan(5120);
    expect(checkPolicyContent('SERVICE_CONTROL_POLICY', fits)).toBe(fits);
    expect(reasonOf(() => checkPolicyContent('SERVICE_CONTROL_POLICY', statements(80)))).toBe(
      'ConstraintViolationException: You attempted to create a policy larger than the maximum size (5120 characters).',
    );
  });
});

describe('resource control policy content', () => {
  const deny = {
    Effect: 'Deny',
    Principal: '*',
    Action: 's3:*',
    Resource: '*',
    Condition: { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-abcdefghij' } },
  };

  it('accepts a Deny with Principal "*" on the services RCPs support', () => {
    const content = JSON.stringify({ Version: '2012-10-17', Statement: [deny] });
    expect(checkPolicyContent('RESOURCE_CONTROL_POLICY', content)).toBe(content);
  });

  it('reserves Allow to RCPFullAWSAccess, and refuses what the RCP grammar does not allow', () => {
    const allow = JSON.stringify({ Version: '2012-10-17', Statement: [{ ...deny, Effect: 'Allow' }] });
    expect(reasonOf(() => checkPolicyContent('RESOURCE_CONTROL_POLICY', allow))).toBe(
      'MalformedPolicyDocumentException: Resource control policies support only the Deny effect: Allow is reserved to RCPFullAWSAccess',
    );
    const ec2 = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ ...deny, Action: 'ec2:RunInstances' }],
    });
    expect(reasonOf(() => checkPolicyContent('RESOURCE_CONTROL_POLICY', ec2))).toMatch(
      /^MalformedPolicyDocumentException: Resource control policies support only actions of .*: ec2:RunInstances is not one$/,
    );
  });
});

describe('management policy content', () => {
  const tagPolicy = {
    tags: {
      costcenter: {
        tag_key: { '@@assign': 'CostCenter' },
        tag_value: { '@@assign': ['100', '200'], '@@operators_allowed_for_child_policies': ['@@append'] },
        enforced_for: { '@@assign': ['secretsmanager:*'] },
      },
    },
  };

  it.each<[string, object]>([
    ['TAG_POLICY', tagPolicy],
    [
      'BACKUP_POLICY',
      {
        plans: {
          daily: {
            regions: { '@@append': ['us-east-1'] },
            rules: { nightly: { schedule_expression: { '@@assign': 'cron(0 5 ? * * *)' } } },
          },
        },
      },
    ],
    ['AISERVICES_OPT_OUT_POLICY', { services: { default: { opt_out_policy: { '@@assign': 'optOut' } } } }],
    ['CHATBOT_POLICY', { chatbot: { platforms: { slack: { client: { '@@assign': 'disabled' } } } } }],
    [
      'DECLARATIVE_POLICY_EC2',
      { ec2_attributes: { image_block_public_access: { state: { '@@assign': 'block_new_sharing' } } } },
    ],
    ['SECURITYHUB_POLICY', { securityhub: { enable_in_regions: { '@@assign': ['us-east-1'] } } }],
  ])('accepts a %s built of inheritance operators', (type, document) => {
    const content = JSON.stringify(document);
    expect(checkPolicyContent(type as 'TAG_POLICY', content)).toBe(content);
  });

  it.each<[string, string, string]>([
    ['not JSON', '{"tags":', 'it is not valid JSON'],
    ['not an object', '["tags"]', 'it must be a JSON object'],
    ['empty', '{}', 'it sets nothing'],
    [
      'another type’s key',
      '{"plans":{"x":{"@@assign":"y"}}}',
      'the top-level key "plans" is not one of tags',
    ],
    [
      'a bare value',
      '{"tags":{"costcenter":{"tag_key":"CostCenter"}}}',
      '"tags.costcenter.tag_key" must be an object of keys or inheritance operators',
    ],
    [
      'an unknown operator',
      '{"tags":{"cc":{"tag_key":{"@@set":"x"}}}}',
      '"tags.cc.tag_key" uses the unknown operator @@set',
    ],
    [
      'operators mixed with keys',
      '{"tags":{"cc":{"@@assign":"x","tag_key":{"@@assign":"y"}}}}',
      '"tags.cc" mixes value-setting operators with child keys',
    ],
    [
      'an object value',
      '{"tags":{"cc":{"tag_key":{"@@assign":{"a":1}}}}}',
      '"tags.cc.tag_key.@@assign" must be a string, number, boolean or a list of them',
    ],
    [
      '@@none with others',
      '{"tags":{"cc":{"tag_key":{"@@assign":"x","@@operators_allowed_for_child_policies":["@@none","@@assign"]}}}}',
      '"tags.cc.tag_key.@@operators_allowed_for_child_policies" lists @@none, which stands alone',
    ],
    [
      'an unknown child operator',
      '{"tags":{"cc":{"@@operators_allowed_for_child_policies":["@@merge"],"tag_key":{"@@assign":"x"}}}}',
      '"tags.cc.@@operators_allowed_for_child_policies" may list only @@all, @@none, @@assign, @@append, @@remove',
    ],
  ])('refuses a tag policy that is %s', (_case, content, detail) => {
    expect(reasonOf(() => checkPolicyContent('TAG_POLICY', content))).toBe(
      `MalformedPolicyDocumentException: ${REQUIREMENTS}: ${detail}.`,
    );
  });

  it('limits each type to its size: 2,500 characters for AI services opt-out policies', () => {
    const big = JSON.stringify({
      services: { default: { opt_out_policy: { '@@assign': 'x'.repeat(2_500) } } },
    });
    expect(reasonOf(() => checkPolicyContent('AISERVICES_OPT_OUT_POLICY', big))).toBe(
      'ConstraintViolationException: You attempted to create a policy larger than the maximum size (2500 characters).',
    );
    expect(
      checkPolicyContent(
        'TAG_POLICY',
        JSON.stringify({ tags: { cc: { tag_key: { '@@assign': 'x'.repeat(2_500) } } } }),
      ),
    ).toBeDefined();
  });
});
