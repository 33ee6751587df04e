import { crc32c, crc64nvme } from './crc';

const CHECK_INPUT = Buffer.from('123456789', 'ascii');

describe('crc32c', () => {
  it('matches the CRC-32C check value and the value in AWS’s chunked-upload example', () => {
    expect(crc32c(CHECK_INPUT)).toBe(0xe3069283);
    expect(crc32c(Buffer.alloc(0))).toBe(0);
    // "Signature calculations for trailing headers": 66560 bytes of 'a' → x-amz-checksum-crc32c:sOO8/Q==
    const value = Buffer.alloc(4);
    value.writeUInt32BE(crc32c(Buffer.alloc(66560, 'a')));
    expect(value.toString('base64')).toBe('sOO8/Q==');
  });
});

describe('crc64nvme', () => {
  it('matches the CRC-64/NVME check value', () => {
    expect(crc64nvme(CHECK_INPUT).toString('hex')).toBe('ae8b14860a799888');
    expect(crc64nvme(Buffer.alloc(0)).toString('hex')).toBe('0000000000000000');
  });
});
