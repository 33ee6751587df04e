import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The key behind stored secrets and pagination tokens: TRAILPLANE_MASTER_KEY, or one generated once
 * into the data dir (mode 0600). Several API replicas must share TRAILPLANE_MASTER_KEY.
 */
export function loadMasterKey(masterKey: string | undefined, dataDir: string): Buffer {
  const encoded = masterKey ?? readOrCreateKeyFile(join(dataDir, 'master-key'), dataDir);
  const key = /^[0-9a-fA-F]{64}$/.test(encoded)
    ? Buffer.from(encoded, 'hex')
    : Buffer.from(encoded, 'base64');
  if (key.length !== 32) throw new Error('The master key must be 32 bytes');
  return key;
}

function readOrCreateKeyFile(file: string, dataDir: string): string {
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    try {
      writeFileSync(file, randomBytes(32).toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
    } catch (error) {
      // Another process created it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return readFileSync(file, 'utf8').trim();
}
