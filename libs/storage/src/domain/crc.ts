/*
 * Table-driven CRCs that Node's standard library lacks (it has CRC-32 in zlib): CRC-32C
 * (Castagnoli) and CRC-64/NVME, the checksums S3 clients may attach to uploads. Both are reflected
 * CRCs with all-ones initial value and final XOR.
 */

const CRC32C_POLYNOMIAL = 0x82f63b78;
/** CRC-64/NVME's polynomial 0xAD93D23594C93659, bit-reflected, as two 32-bit halves. */
const CRC64NVME_POLYNOMIAL_HIGH = 0x9a6c9329;
const CRC64NVME_POLYNOMIAL_LOW = 0xac4bc9b5;

const CRC32C_TABLE = new Uint32Array(256);
for (let n = 0; n < 256; n++) {
  let crc = n;
  for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ CRC32C_POLYNOMIAL : crc >>> 1;
  CRC32C_TABLE[n] = crc >>> 0;
}

// JavaScript has no fast 64-bit integers (BigInt is far too slow per byte), so the CRC-64
// register and table are kept as high and low 32-bit halves.
const CRC64_TABLE_HIGH = new Uint32Array(256);
const CRC64_TABLE_LOW = new Uint32Array(256);
for (let n = 0; n < 256; n++) {
  let high = 0;
  let low = n;
  for (let bit = 0; bit < 8; bit++) {
    const carry = low & 1;
    low = ((low >>> 1) | ((high & 1) << 31)) >>> 0;
    high = high >>> 1;
    if (carry) {
      high = (high ^ CRC64NVME_POLYNOMIAL_HIGH) >>> 0;
      low = (low ^ CRC64NVME_POLYNOMIAL_LOW) >>> 0;
    }
  }
  CRC64_TABLE_HIGH[n] = high;
  CRC64_TABLE_LOW[n] = low;
}

/** CRC-32C of `bytes`, as an unsigned 32-bit number. */
export function crc32c(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = CRC32C_TABLE[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** CRC-64/NVME of `bytes`, as 8 big-endian bytes (the form S3 encodes in base64). */
export function crc64nvme(bytes: Uint8Array): Buffer {
  let high = 0xffffffff;
  let low = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) {
    const index = (low ^ bytes[i]) & 0xff;
    low = (((low >>> 8) | (high << 24)) ^ CRC64_TABLE_LOW[index]) >>> 0;
    high = ((high >>> 8) ^ CRC64_TABLE_HIGH[index]) >>> 0;
  }
  const out = Buffer.allocUnsafe(8);
  out.writeUInt32BE((high ^ 0xffffffff) >>> 0, 0);
  out.writeUInt32BE((low ^ 0xffffffff) >>> 0, 4);
  return out;
}
