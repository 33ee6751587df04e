import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { EnvSchema } from './env.schema';

export type Env = Readonly<EnvSchema>;

export class InvalidEnvironmentError extends Error {}

/** Reads and validates the environment once; a bad value stops start-up naming the variable. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const present: Record<string, string> = {};
  for (const key of Object.keys(new EnvSchema())) {
    const value = source[key];
    if (value !== undefined && value !== '') present[key] = value;
  }
  const env = plainToInstance(EnvSchema, present, { exposeDefaultValues: true });
  const errors = validateSync(env, { forbidUnknownValues: false });
  if (errors.length > 0) {
    const lines = errors.map(
      (e) =>
        `${e.property}=${redact(e.property, present[e.property])} (${Object.values(e.constraints ?? {}).join('; ')})`,
    );
    throw new InvalidEnvironmentError(`Invalid environment: ${lines.join(', ')}`);
  }
  return Object.freeze(env);
}

function redact(key: string, value: string | undefined): string {
  if (value === undefined) return '';
  return /SECRET|MASTER_KEY/.test(key) ? '<redacted>' : value;
}

/** For process entry points: the validated environment, or exit 2 naming the bad variable. */
export function loadEnvOrExit(): Env {
  try {
    return loadEnv();
  } catch (error) {
    if (error instanceof InvalidEnvironmentError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
}
