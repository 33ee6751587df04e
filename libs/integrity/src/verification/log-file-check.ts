import { constants, gunzipSync } from 'node:zlib';
import { sha256Hex } from '../domain/digest-signature';
import { type LogFileClaim } from './digest-check';
import { type StoredObject } from './integrity-ports';
import { type FileProblem, FileProblems } from './validation-report';

/**
 * The validator's check of one log file: present, a gzip stream, and the SHA-256 of its inflated
 * bytes equal to the digest's `hashValue`. A truncated stream is hashed as far as it goes (so it is
 * a mismatch, as for the validator); bytes that are not gzip are "invalid format". Stricter than
 * the validator in one way: it reads only the first gzip member, so bytes appended after it (another
 * member, or anything else) pass there and are a mismatch or "invalid format" here.
 */
export function checkLogFile(object: StoredObject | null, claim: LogFileClaim): FileProblem | null {
  if (object === null) return FileProblems.notFound;
  let inflated: Buffer;
  try {
    inflated = gunzipSync(object.body, { finishFlush: constants.Z_SYNC_FLUSH });
  } catch {
    return FileProblems.invalidFormat;
  }
  return sha256Hex(inflated) === claim.hashValue ? null : FileProblems.hashMismatch;
}
