import { type RequestContext } from './authorization-request';
import { compileCondition } from './compile-condition';
import { parsePolicyDocument } from './parse-policy-document';
import { type PolicyVersion } from './policy-document';

/** Whether a Condition element holds for a request context, as a statement would see it. */
function holds(condition: object, context: RequestContext, version: PolicyVersion = '2012-10-17'): boolean {
  const [statement] = parsePolicyDocument(
    { Version: version, Statement: { Effect: 'Allow', Action: '*', Resource: '*', Condition: condition } },
    'identity',
  ).statements;
  return statement.conditions.every((parsed) =>
    compileCondition(parsed, version === '2012-10-17').holds(context),
  );
}

describe(compileCondition.name, () => {
  describe('string operators', () => {
    const context = { 'aws:PrincipalTag/job-category': 'iamuser-admin', 'aws:RequestedRegion': 'eu-west-1' };

    it('StringEquals compares exactly (AWS example: aws:PrincipalTag/job-category)', () => {
      expect(holds({ StringEquals: { 'aws:PrincipalTag/job-category': 'iamuser-admin' } }, context)).toBe(
        true,
      );
      expect(holds({ StringEquals: { 'aws:PrincipalTag/job-category': 'IAMUSER-ADMIN' } }, context)).toBe(
        false,
      );
      expect(holds({ StringEquals: { 'aws:PrincipalTag/job-category': 'iamuser-*' } }, context)).toBe(false);
    });

    it('StringNotEquals is true when no value equals', () => {
      expect(holds({ StringNotEquals: { 'aws:RequestedRegion': ['us-east-1', 'eu-west-1'] } }, context)).toBe(
        false,
      );
      expect(
        holds({ StringNotEquals: { 'aws:RequestedRegion': ['us-east-1', 'ap-south-1'] } }, context),
      ).toBe(true);
    });

    it('StringEqualsIgnoreCase and StringNotEqualsIgnoreCase ignore case', () => {
      expect(holds({ StringEqualsIgnoreCase: { 'aws:RequestedRegion': 'EU-WEST-1' } }, context)).toBe(true);
      expect(holds({ StringNotEqualsIgnoreCase: { 'aws:RequestedRegion': 'EU-WEST-1' } }, context)).toBe(
        false,
      );
      expect(holds({ StringNotEqualsIgnoreCase: { 'aws:RequestedRegion': 'US-EAST-1' } }, context)).toBe(
        true,
      );
    });

    it('StringLike and StringNotLike take * and ? case-sensitively', () => {
      expect(holds({ StringLike: { 'aws:RequestedRegion': 'eu-*' } }, context)).toBe(true);
      expect(holds({ StringLike: { 'aws:RequestedRegion': 'eu-west-?' } }, context)).toBe(true);
      expect(holds({ StringLike: { 'aws:RequestedRegion': 'EU-*' } }, context)).toBe(false);
      expect(holds({ StringNotLike: { 'aws:RequestedRegion': ['us-*', 'ap-*'] } }, context)).toBe(true);
      expect(holds({ StringNotLike: { 'aws:RequestedRegion': ['us-*', 'eu-*'] } }, context)).toBe(false);
    });

    it('StringLike with a variable (AWS example: home/${aws:username}/)', () => {
      const condition = { StringLike: { 's3:prefix': ['', 'home/', 'home/${aws:username}/*'] } };
      expect(holds(condition, { 's3:prefix': 'home/alice/photos', 'aws:username': 'alice' })).toBe(true);
      expect(holds(condition, { 's3:prefix': 'home/bob/photos', 'aws:username': 'alice' })).toBe(false);
      expect(holds(condition, { 's3:prefix': '', 'aws:username': 'alice' })).toBe(true);
    });

    it('BinaryEquals compares the base64 text', () => {
      expect(
        holds({ BinaryEquals: { 'key:Binary': 'QmluYXJ5VmFsdWU=' } }, { 'key:Binary': 'QmluYXJ5VmFsdWU=' }),
      ).toBe(true);
      expect(
        holds({ BinaryEquals: { 'key:Binary': 'QmluYXJ5VmFsdWU=' } }, { 'key:Binary': 'qmluyxj5vmfsdwu=' }),
      ).toBe(false);
    });
  });

  describe('numeric operators', () => {
    const context = { 'aws:MultiFactorAuthAge': '300' };

    it.each([
      ['NumericEquals', '300', true],
      ['NumericEquals', '300.0', true],
      ['NumericNotEquals', '300', false],
      ['NumericNotEquals', '301', true],
      ['NumericLessThan', '3600', true],
      ['NumericLessThan', '300', false],
      ['NumericLessThanEquals', '300', true],
      ['NumericGreaterThan', '299.5', true],
      ['NumericGreaterThan', '300', false],
      ['NumericGreaterThanEquals', '300', true],
      ['NumericGreaterThanEquals', '301', false],
    ])('%s %s on a 300-second-old MFA: %s', (operator, value, expected) => {
      expect(holds({ [operator]: { 'aws:MultiFactorAuthAge': value } }, context)).toBe(expected);
    });

    it('is false, negated or not, for a request value that is not a number', () => {
      expect(
        holds(
          { NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } },
          { 'aws:MultiFactorAuthAge': 'soon' },
        ),
      ).toBe(false);
      expect(
        holds({ NumericNotEquals: { 'aws:MultiFactorAuthAge': '3600' } }, { 'aws:MultiFactorAuthAge': '' }),
      ).toBe(false);
    });
  });

  describe('date operators', () => {
    const context = { 'aws:CurrentTime': '2025-06-15T12:30:00Z', 'aws:EpochTime': '1750000000' };

    it.each([
      ['DateEquals', '2025-06-15T12:30:00Z', true],
      ['DateEquals', '2025-06-15T14:30:00+02:00', true],
      ['DateEquals', '2025-06-15T12:30:00', true],
      ['DateNotEquals', '2025-06-15T12:30:00Z', false],
      ['DateLessThan', '2026-01-01T00:00:00Z', true],
      ['DateLessThan', '2025-06-15', false],
      ['DateLessThanEquals', '2025-06-15T12:30:00.000Z', true],
      ['DateGreaterThan', '2020-04-01T00:00:00Z', true],
      ['DateLessThan', '1750000000', true],
      ['DateGreaterThanEquals', '1749990600', true],
      ['DateGreaterThanEquals', '1749990601', false],
    ])('%s %s at 2025-06-15T12:30:00Z: %s', (operator, value, expected) => {
      expect(holds({ [operator]: { 'aws:CurrentTime': value } }, context)).toBe(expected);
    });

    it('compares epoch seconds in the request with ISO dates in the policy', () => {
      expect(holds({ DateGreaterThan: { 'aws:EpochTime': '2025-06-15T00:00:00Z' } }, context)).toBe(true);
      expect(holds({ DateLessThan: { 'aws:EpochTime': '2025-06-15T00:00:00Z' } }, context)).toBe(false);
    });

    it('is false, negated or not, for a request value that is not a date', () => {
      expect(
        holds({ DateNotEquals: { 'aws:CurrentTime': '2025-01-01' } }, { 'aws:CurrentTime': 'now' }),
      ).toBe(false);
    });
  });

  describe('Bool', () => {
    it('compares true and false in any case (AWS example: aws:SecureTransport)', () => {
      expect(holds({ Bool: { 'aws:SecureTransport': 'true' } }, { 'aws:SecureTransport': 'TRUE' })).toBe(
        true,
      );
      expect(holds({ Bool: { 'aws:SecureTransport': true } }, { 'aws:SecureTransport': 'false' })).toBe(
        false,
      );
      expect(holds({ Bool: { 'aws:SecureTransport': ['false'] } }, { 'aws:SecureTransport': 'False' })).toBe(
        true,
      );
    });

    it('is false for a request value that is not a boolean', () => {
      expect(holds({ Bool: { 'aws:SecureTransport': 'true' } }, { 'aws:SecureTransport': 'yes' })).toBe(
        false,
      );
    });
  });

  describe('IP address operators', () => {
    it('IpAddress accepts IPv4 and IPv6 CIDR blocks (AWS example)', () => {
      const condition = { IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '2001:DB8:1234:5678::/64'] } };
      expect(holds(condition, { 'aws:SourceIp': '203.0.113.10' })).toBe(true);
      expect(holds(condition, { 'aws:SourceIp': '2001:db8:1234:5678::10' })).toBe(true);
      expect(holds(condition, { 'aws:SourceIp': '198.51.100.1' })).toBe(false);
    });

    it('NotIpAddress is true outside every block', () => {
      expect(
        holds({ NotIpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }, { 'aws:SourceIp': '203.0.113.10' }),
      ).toBe(true);
      expect(holds({ NotIpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }, { 'aws:SourceIp': '10.1.2.3' })).toBe(
        false,
      );
    });

    it('NotIpAddress with a bare IPv4 address is true for an IPv6 source (iam.md §9.4)', () => {
      expect(
        holds({ NotIpAddress: { 'aws:SourceIp': '198.51.100.7' } }, { 'aws:SourceIp': '2001:db8::1' }),
      ).toBe(true);
      expect(
        holds({ IpAddress: { 'aws:SourceIp': '198.51.100.7' } }, { 'aws:SourceIp': '2001:db8::1' }),
      ).toBe(false);
    });

    it('is false, negated or not, for a request value that is not an address', () => {
      expect(holds({ NotIpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }, { 'aws:SourceIp': 'localhost' })).toBe(
        false,
      );
    });
  });

  describe('ARN operators', () => {
    const context = {
      'aws:PrincipalArn': 'arn:aws:iam::222222222222:role/teams/Admin',
      'aws:SourceArn': 'arn:aws:cloudtrail:us-east-1:222222222222:trail/audit',
      'aws:PrincipalAccount': '222222222222',
      'aws:username': 'alice',
    };

    it('matches segment by segment, case-sensitively, with wildcards in ArnLike and ArnEquals alike', () => {
      for (const operator of ['ArnLike', 'ArnEquals']) {
        expect(holds({ [operator]: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/*' } }, context)).toBe(true);
        expect(
          holds(
            { [operator]: { 'aws:PrincipalArn': 'arn:aws:iam::222222222222:role/teams/Admin' } },
            context,
          ),
        ).toBe(true);
        expect(
          holds(
            { [operator]: { 'aws:PrincipalArn': 'arn:aws:iam::222222222222:role/teams/admin' } },
            context,
          ),
        ).toBe(false);
        expect(
          holds({ [operator]: { 'aws:SourceArn': 'arn:aws:cloudtrail:*:222222222222:trail/*' } }, context),
        ).toBe(true);
      }
    });

    it('does not let a wildcard of one segment reach into the next, unlike StringLike', () => {
      const logStream = {
        'aws:SourceArn': 'arn:aws:logs:us-east-1:222222222222:log-group:trails:log-stream:s1',
      };
      expect(holds({ ArnLike: { 'aws:SourceArn': 'arn:aws:logs:*:log-group:trails:*' } }, logStream)).toBe(
        false,
      );
      expect(holds({ StringLike: { 'aws:SourceArn': 'arn:aws:logs:*:log-group:trails:*' } }, logStream)).toBe(
        true,
      );
      expect(holds({ ArnLike: { 'aws:SourceArn': 'arn:aws:logs:*:*:log-group:trails:*' } }, logStream)).toBe(
        true,
      );
    });

    it('ArnNotLike and ArnNotEquals are true when no value matches', () => {
      expect(holds({ ArnNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:user/*' } }, context)).toBe(true);
      expect(holds({ ArnNotEquals: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/*' } }, context)).toBe(false);
    });

    it('substitutes variables before the resource segment, then matches (iam.md §9.3)', () => {
      const own = {
        ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::${aws:PrincipalAccount}:user/${aws:username}' },
      };
      expect(holds(own, { ...context, 'aws:PrincipalArn': 'arn:aws:iam::222222222222:user/alice' })).toBe(
        true,
      );
      expect(holds(own, { ...context, 'aws:PrincipalArn': 'arn:aws:iam::333333333333:user/alice' })).toBe(
        false,
      );
      expect(
        holds(
          { ArnLike: { 'aws:PrincipalArn': '${aws:SourceArn}' } },
          { ...context, 'aws:PrincipalArn': context['aws:SourceArn'] },
        ),
      ).toBe(true);
    });

    it('is false, negated or not, for a request value that is not an ARN', () => {
      expect(
        holds(
          { ArnNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:user/*' } },
          { 'aws:PrincipalArn': 'alice' },
        ),
      ).toBe(false);
    });
  });

  describe('Null', () => {
    it('true means absent, false means present', () => {
      expect(holds({ Null: { 'aws:TokenIssueTime': 'true' } }, {})).toBe(true);
      expect(
        holds({ Null: { 'aws:TokenIssueTime': 'true' } }, { 'aws:TokenIssueTime': '2025-01-01T00:00:00Z' }),
      ).toBe(false);
      expect(
        holds({ Null: { 'aws:TokenIssueTime': 'false' } }, { 'aws:TokenIssueTime': '2025-01-01T00:00:00Z' }),
      ).toBe(true);
      expect(holds({ Null: { 'aws:TagKeys': 'false' } }, { 'aws:TagKeys': [] })).toBe(true);
    });
  });

  describe('a key missing from the request (iam.md §4)', () => {
    it.each([
      ['StringEquals', 'x', false],
      ['StringNotEquals', 'x', true],
      ['StringLike', '*', false],
      ['StringNotLike', '*', true],
      ['StringNotEqualsIgnoreCase', 'x', true],
      ['NumericLessThan', '1', false],
      ['NumericNotEquals', '1', true],
      ['DateGreaterThan', '2020-01-01', false],
      ['DateNotEquals', '2020-01-01', true],
      ['Bool', 'true', false],
      ['IpAddress', '10.0.0.0/8', false],
      ['NotIpAddress', '10.0.0.0/8', true],
      ['ArnLike', 'arn:aws:iam::*:*', false],
      ['ArnNotEquals', 'arn:aws:iam::*:*', true],
      ['BinaryEquals', 'QQ==', false],
    ])('makes %s false unless negated', (operator, value, expected) => {
      expect(holds({ [operator]: { 'aws:Missing': value } }, {})).toBe(expected);
    });

    it('makes every …IfExists operator true', () => {
      for (const operator of [
        'StringEqualsIfExists',
        'NumericLessThanIfExists',
        'DateLessThanIfExists',
        'BoolIfExists',
        'IpAddressIfExists',
        'ArnLikeIfExists',
      ]) {
        const value = operator.startsWith('Arn')
          ? 'arn:aws:iam::*:*'
          : operator.startsWith('Ip')
            ? '10.0.0.0/8'
            : operator.startsWith('Date')
              ? '2020-01-01'
              : operator.startsWith('Bool')
                ? 'true'
                : '1';
        expect(holds({ [operator]: { 'aws:Missing': value } }, {})).toBe(true);
      }
    });

    it('applies the operator when the key is present, for …IfExists', () => {
      expect(
        holds(
          { StringEqualsIfExists: { 'ec2:InstanceType': ['t1.*', 't2.*'] } },
          { 'ec2:InstanceType': 'm5.large' },
        ),
      ).toBe(false);
      expect(
        holds(
          { StringLikeIfExists: { 'ec2:InstanceType': ['t1.*', 't2.*'] } },
          { 'ec2:InstanceType': 't2.micro' },
        ),
      ).toBe(true);
      expect(
        holds(
          { StringNotEqualsIfExists: { 'aws:RequestedRegion': 'us-east-1' } },
          { 'aws:RequestedRegion': 'us-east-1' },
        ),
      ).toBe(false);
    });
  });

  describe('several keys, values and operators (AWS: "Creating a condition with multiple keys or values")', () => {
    const context = { 'aws:PrincipalTag/team': 'blue', 'aws:RequestedRegion': 'eu-west-1' };

    it('ORs the values of one key', () => {
      expect(holds({ StringEquals: { 'aws:PrincipalTag/team': ['red', 'blue'] } }, context)).toBe(true);
    });

    it('ANDs the keys of one operator', () => {
      expect(
        holds(
          { StringEquals: { 'aws:PrincipalTag/team': 'blue', 'aws:RequestedRegion': 'eu-west-1' } },
          context,
        ),
      ).toBe(true);
      expect(
        holds(
          { StringEquals: { 'aws:PrincipalTag/team': 'blue', 'aws:RequestedRegion': 'us-east-1' } },
          context,
        ),
      ).toBe(false);
    });

    it('ANDs the operators', () => {
      expect(
        holds(
          {
            StringEquals: { 'aws:PrincipalTag/team': 'blue' },
            StringLike: { 'aws:RequestedRegion': 'us-*' },
          },
          context,
        ),
      ).toBe(false);
      expect(
        holds(
          {
            StringEquals: { 'aws:PrincipalTag/team': 'blue' },
            StringLike: { 'aws:RequestedRegion': 'eu-*' },
          },
          context,
        ),
      ).toBe(true);
    });

    it('finds context keys whatever their case', () => {
      expect(holds({ StringEquals: { 'AWS:PRINCIPALTAG/TEAM': 'blue' } }, context)).toBe(true);
      expect(
        holds(
          { StringEquals: { 'aws:requestedregion': 'eu-west-1' } },
          { 'AWS:RequestedRegion': 'eu-west-1' },
        ),
      ).toBe(true);
    });

    it('compares a list given for a single-valued key as no value', () => {
      expect(
        holds({ StringEquals: { 'aws:PrincipalTag/team': 'blue' } }, { 'aws:PrincipalTag/team': ['blue'] }),
      ).toBe(false);
    });
  });

  describe('set operators (AWS example: aws:TagKeys)', () => {
    const allowed = ['environment', 'cost-center'];

    it('ForAllValues: every request value must match some policy value; true for an empty or missing key', () => {
      const condition = { 'ForAllValues:StringEquals': { 'aws:TagKeys': allowed } };
      expect(holds(condition, { 'aws:TagKeys': ['environment'] })).toBe(true);
      expect(holds(condition, { 'aws:TagKeys': ['environment', 'cost-center'] })).toBe(true);
      expect(holds(condition, { 'aws:TagKeys': ['environment', 'owner'] })).toBe(false);
      expect(holds(condition, { 'aws:TagKeys': [] })).toBe(true);
      expect(holds(condition, {})).toBe(true);
    });

    it('ForAnyValue: some request value must match some policy value; false for an empty or missing key', () => {
      const condition = { 'ForAnyValue:StringEquals': { 'aws:TagKeys': allowed } };
      expect(holds(condition, { 'aws:TagKeys': ['owner', 'environment'] })).toBe(true);
      expect(holds(condition, { 'aws:TagKeys': ['owner'] })).toBe(false);
      expect(holds(condition, { 'aws:TagKeys': [] })).toBe(false);
      expect(holds(condition, {})).toBe(false);
    });

    it('applies a negated operator to each request value', () => {
      expect(
        holds(
          { 'ForAnyValue:StringNotEquals': { 'aws:TagKeys': allowed } },
          { 'aws:TagKeys': ['environment', 'owner'] },
        ),
      ).toBe(true);
      expect(
        holds(
          { 'ForAnyValue:StringNotEquals': { 'aws:TagKeys': allowed } },
          { 'aws:TagKeys': ['environment'] },
        ),
      ).toBe(false);
      expect(
        holds(
          { 'ForAllValues:StringNotLike': { 'aws:TagKeys': 'secret*' } },
          { 'aws:TagKeys': ['env', 'owner'] },
        ),
      ).toBe(true);
      expect(
        holds(
          { 'ForAllValues:StringNotLike': { 'aws:TagKeys': 'secret*' } },
          { 'aws:TagKeys': ['env', 'secret-x'] },
        ),
      ).toBe(false);
    });

    it('treats a single value as a list of one', () => {
      expect(
        holds(
          { 'ForAnyValue:StringLike': { 'aws:PrincipalTag/team': 'b*' } },
          { 'aws:PrincipalTag/team': 'blue' },
        ),
      ).toBe(true);
    });

    it('honours IfExists under ForAnyValue: true when the key is absent', () => {
      expect(holds({ 'ForAnyValue:StringEqualsIfExists': { 'aws:TagKeys': allowed } }, {})).toBe(true);
      expect(
        holds(
          { 'ForAnyValue:StringEqualsIfExists': { 'aws:TagKeys': allowed } },
          { 'aws:TagKeys': ['owner'] },
        ),
      ).toBe(false);
    });
  });

  describe('policy variables in condition values (iam.md §4)', () => {
    const context = { 'aws:ResourceTag/team': 'blue', 'aws:PrincipalTag/team': 'blue' };

    it('substitutes them in string operators', () => {
      expect(holds({ StringEquals: { 'aws:ResourceTag/team': '${aws:PrincipalTag/team}' } }, context)).toBe(
        true,
      );
      expect(
        holds(
          { StringEquals: { 'aws:ResourceTag/team': '${aws:PrincipalTag/team}' } },
          { ...context, 'aws:PrincipalTag/team': 'red' },
        ),
      ).toBe(false);
      expect(
        holds(
          { StringEqualsIgnoreCase: { 'aws:ResourceTag/team': '${aws:PrincipalTag/team}' } },
          { ...context, 'aws:PrincipalTag/team': 'BLUE' },
        ),
      ).toBe(true);
    });

    it("uses the default of ${key, 'default'}", () => {
      expect(
        holds({ StringEquals: { 'aws:ResourceTag/team': "${aws:PrincipalTag/project, 'blue'}" } }, context),
      ).toBe(true);
    });

    it('makes a value that cannot be substituted match nothing', () => {
      expect(holds({ StringLike: { 'aws:ResourceTag/team': '${aws:PrincipalTag/project}*' } }, context)).toBe(
        false,
      );
      expect(
        holds({ StringLike: { 'aws:ResourceTag/team': ['${aws:PrincipalTag/project}*', 'b*'] } }, context),
      ).toBe(true);
    });

    it('lets such a value exclude nothing under a negated operator (iam.md §9.1)', () => {
      expect(
        holds({ StringNotLike: { 'aws:ResourceTag/team': '${aws:PrincipalTag/project}*' } }, context),
      ).toBe(true);
      expect(
        holds({ StringNotLike: { 'aws:ResourceTag/team': ['${aws:PrincipalTag/project}*', 'b*'] } }, context),
      ).toBe(false);
      expect(
        holds(
          { ArnNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::${aws:PrincipalAccount}:*' } },
          { 'aws:PrincipalArn': 'arn:aws:iam::1:user/a' },
        ),
      ).toBe(true);
    });

    it('reads ${…} as text in a 2008-10-17 document', () => {
      expect(
        holds(
          { StringEquals: { 'aws:ResourceTag/team': '${aws:PrincipalTag/team}' } },
          context,
          '2008-10-17',
        ),
      ).toBe(false);
      expect(
        holds(
          { StringEquals: { 'aws:ResourceTag/team': '${aws:PrincipalTag/team}' } },
          { 'aws:ResourceTag/team': '${aws:PrincipalTag/team}' },
          '2008-10-17',
        ),
      ).toBe(true);
    });

    it('does not substitute them in numeric, date and IP values', () => {
      expect(() => holds({ NumericLessThan: { 'aws:MultiFactorAuthAge': '${aws:MaxAge}' } }, {})).toThrow(
        'Invalid Condition value',
      );
    });
  });
});
