/** An address as four 32-bit words (IPv4 uses the last word only), so both versions compare the same way. */
export interface IpAddress {
  readonly version: 4 | 6;
  readonly words: readonly [number, number, number, number];
}

/** A policy value of `IpAddress`/`NotIpAddress`. A bare address is a /32 (IPv4) or /128 (IPv6) block. */
export interface CidrBlock extends IpAddress {
  readonly prefixLength: number;
}

export function parseIpAddress(text: string): IpAddress | undefined {
  if (text.includes(':')) {
    const words = parseIpv6(text);
    return words && { version: 6, words };
  }
  const value = parseIpv4(text);
  return value === undefined ? undefined : { version: 4, words: [0, 0, 0, value] };
}

export function parseCidrBlock(text: string): CidrBlock | undefined {
  const slash = text.indexOf('/');
  const address = parseIpAddress(slash === -1 ? text : text.slice(0, slash));
  if (!address) return undefined;
  const maxLength = address.version === 4 ? 32 : 128;
  if (slash === -1) return { ...address, prefixLength: maxLength };
  const lengthText = text.slice(slash + 1);
  if (!/^(0|[1-9]\d{0,2})$/.test(lengthText)) return undefined;
  const prefixLength = Number(lengthText);
  return prefixLength <= maxLength ? { ...address, prefixLength } : undefined;
}

/** Whether the address lies in the block. An address of the other IP version lies in no block. */
export function cidrContains(block: CidrBlock, address: IpAddress): boolean {
  if (block.version !== address.version) return false;
  // IPv4 lives in the last word, so its prefix starts 96 bits into the 128-bit layout.
  let remaining = block.version === 4 ? block.prefixLength + 96 : block.prefixLength;
  for (let word = 0; word < 4 && remaining > 0; word++, remaining -= 32) {
    const bits = Math.min(32, remaining);
    const mask = bits === 32 ? 0xffffffff : ~(0xffffffff >>> bits);
    if (((block.words[word] ^ address.words[word]) & mask) !== 0) return false;
  }
  return true;
}

function parseIpv4(text: string): number | undefined {
  const octets = text.split('.');
  if (octets.length !== 4) return undefined;
  let value = 0;
  for (const octet of octets) {
    if (!/^(0|[1-9]\d{0,2})$/.test(octet)) return undefined;
    const number = Number(octet);
    if (number > 255) return undefined;
    value = value * 256 + number;
  }
  return value;
}

function parseIpv6(text: string): [number, number, number, number] | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = parseGroups(halves[0]);
  const tail = halves.length === 2 ? parseGroups(halves[1]) : [];
  if (!head || !tail) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const groups = [...head, ...new Array<number>(missing).fill(0), ...tail];
  return [0, 1, 2, 3].map((word) => ((groups[2 * word] << 16) | groups[2 * word + 1]) >>> 0) as [
    number,
    number,
    number,
    number,
  ];
}

/** 16-bit groups of one side of `::`; the last group may be an embedded IPv4 address (`::ffff:192.0.2.1`). */
function parseGroups(text: string): number[] | undefined {
  if (text === '') return [];
  const groups: number[] = [];
  const fields = text.split(':');
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i];
    if (i === fields.length - 1 && field.includes('.')) {
      const ipv4 = parseIpv4(field);
      if (ipv4 === undefined) return undefined;
      groups.push(Math.floor(ipv4 / 0x10000), ipv4 % 0x10000);
    } else if (/^[0-9a-fA-F]{1,4}$/.test(field)) {
      groups.push(parseInt(field, 16));
    } else {
      return undefined;
    }
  }
  return groups;
}
