import { cidrContains, parseCidrBlock, parseIpAddress, type CidrBlock } from './ip-address';

function block(text: string): CidrBlock {
  const parsed = parseCidrBlock(text);
  if (!parsed) throw new Error(`${text} is not a CIDR block`);
  return parsed;
}

function inBlock(cidr: string, address: string): boolean {
  const parsed = parseIpAddress(address);
  if (!parsed) throw new Error(`${address} is not an address`);
  return cidrContains(block(cidr), parsed);
}

describe('IP addresses and CIDR blocks', () => {
  it.each([
    ['203.0.113.0/24', '203.0.113.0', true],
    ['203.0.113.0/24', '203.0.113.255', true],
    ['203.0.113.0/24', '203.0.114.1', false],
    ['10.0.0.0/8', '10.255.1.2', true],
    ['10.1.0.0/8', '10.2.0.1', true],
    ['0.0.0.0/0', '198.51.100.7', true],
    ['198.51.100.7', '198.51.100.7', true],
    ['198.51.100.7', '198.51.100.8', false],
    ['2001:DB8:1234:5678::/64', '2001:db8:1234:5678:abcd::1', true],
    ['2001:db8::/32', '2001:db8:ffff::1', true],
    ['2001:db8::/32', '2001:db9::1', false],
    ['2001:db8::1', '2001:0db8:0000::0001', true],
    ['::/0', 'fe80::1', true],
    ['::ffff:192.0.2.0/120', '::ffff:192.0.2.77', true],
  ])('%s contains %s: %s', (cidr, address, expected) => {
    expect(inBlock(cidr, address)).toBe(expected);
  });

  it('reads a bare address as a /32 or /128 block', () => {
    expect(block('198.51.100.7').prefixLength).toBe(32);
    expect(block('2001:db8::1').prefixLength).toBe(128);
  });

  it('puts an address of one IP version in no block of the other (iam.md §9.4)', () => {
    expect(inBlock('0.0.0.0/0', '2001:db8::1')).toBe(false);
    expect(inBlock('198.51.100.7', '2001:db8::1')).toBe(false);
    expect(inBlock('::/0', '203.0.113.10')).toBe(false);
  });

  it.each([
    '',
    '10.0.0',
    '10.0.0.256',
    '010.0.0.1',
    '1.2.3.4.5',
    '2001:db8:::1',
    '2001:db8::1::2',
    '1:2:3:4:5:6:7:8:9',
    'fe80::1%eth0',
    'g::1',
  ])('rejects the address %j', (text) => {
    expect(parseIpAddress(text)).toBeUndefined();
  });

  it.each(['10.0.0.0/33', '2001:db8::/129', '10.0.0.0/', '10.0.0.0/08', '10.0.0.0/8/8'])(
    'rejects the block %j',
    (text) => {
      expect(parseCidrBlock(text)).toBeUndefined();
    },
  );
});
