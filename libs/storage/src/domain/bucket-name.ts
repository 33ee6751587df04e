import { InvalidBucketNameError } from './storage.errors';

const SHAPE = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const IP_ADDRESS = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;
/** Prefixes and suffixes S3 reserves for its own naming schemes (IDNA, access points, aliases …). */
const RESERVED_PREFIXES = ['xn--', 'sthree-', 'amzn-s3-demo-'];
const RESERVED_SUFFIXES = ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3'];

/** S3's naming rules for general purpose buckets; the reason a name breaks them, or undefined. */
export function bucketNameProblem(name: string): string | undefined {
  if (name.length < 3 || name.length > 63) return 'must be between 3 and 63 characters long';
  if (!SHAPE.test(name)) {
    return 'may contain only lowercase letters, digits, dots and hyphens, and must begin and end with a letter or digit';
  }
  if (name.includes('..')) return 'must not contain two adjacent periods';
  if (IP_ADDRESS.test(name)) return 'must not be formatted as an IP address';
  if (RESERVED_PREFIXES.some((prefix) => name.startsWith(prefix)))
    return 'must not start with a reserved prefix';
  if (RESERVED_SUFFIXES.some((suffix) => name.endsWith(suffix))) return 'must not end with a reserved suffix';
  return undefined;
}

export function assertBucketName(name: string): void {
  if (bucketNameProblem(name) !== undefined) throw new InvalidBucketNameError(name);
}
