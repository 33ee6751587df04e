import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Client, type Pool } from 'pg';

/**
 * The raw PostgreSQL baselines of PERFORMANCE.md, measured on the bench's own database in the same
 * run: COPY and multi-row INSERT of the very rows the service wrote, into a scratch table made
 * `LIKE` the real one `INCLUDING ALL` (same columns, defaults, keys and indexes; no foreign keys).
 *
 * COPY goes through `psql` (`COPY … FROM STDIN` from a script file; pg-copy-streams is not
 * installed), and its time is psql's own `\timing` of the COPY statement, so process start and
 * connection set-up are not counted.
 */
export type Cell = string | number | boolean | null;

export class ScratchTable {
  readonly name: string;

  private constructor(
    private readonly db: Client,
    private readonly databaseUrl: string,
    readonly like: string,
    readonly columns: readonly string[],
  ) {
    this.name = `bench_scratch_${like}`;
  }

  static async create(
    db: Client,
    databaseUrl: string,
    like: string,
    columns: readonly string[],
  ): Promise<ScratchTable> {
    const table = new ScratchTable(db, databaseUrl, like, columns);
    await db.query(`DROP TABLE IF EXISTS ${table.name}`);
    await db.query(`CREATE TABLE ${table.name} (LIKE ${like} INCLUDING ALL)`);
    return table;
  }

  async truncate(): Promise<void> {
    await this.db.query(`TRUNCATE ${this.name}`);
  }

  async drop(): Promise<void> {
    await this.db.query(`DROP TABLE IF EXISTS ${this.name}`);
  }

  /** COPY of `rows` into the emptied table; milliseconds of the COPY statement alone. */
  async copy(rows: readonly (readonly Cell[])[]): Promise<number> {
    await this.truncate();
    const dir = mkdtempSync(join(tmpdir(), 'trailplane-copy-'));
    const script = join(dir, 'copy.sql');
    try {
      const data = rows.map((r) => r.map(copyText).join('\t')).join('\n');
      writeFileSync(
        script,
        `\\timing on\nCOPY ${this.name} (${this.columns.join(', ')}) FROM STDIN;\n${data}\n\\.\n`,
      );
      const output = await runPsql(this.databaseUrl, script);
      const match = /COPY (\d+)\s+Time: ([\d.]+) ms/.exec(output);
      if (!match || Number(match[1]) !== rows.length) {
        throw new Error(`COPY into ${this.name} did not report ${rows.length} rows: ${output.slice(0, 500)}`);
      }
      return Number(match[2]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  /** Multi-row INSERT, `perStatement` rows per statement, each statement its own transaction (ms). */
  async insert(rows: readonly (readonly Cell[])[], perStatement = 1_000): Promise<number> {
    await this.truncate();
    return multiRowInsert(this.db, this.name, this.columns, rows, perStatement);
  }
}

/** Multi-row INSERT of `rows` into `table` (any table), `perStatement` rows per statement (ms). */
export async function multiRowInsert(
  db: Client | Pool,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly Cell[])[],
  perStatement = 1_000,
): Promise<number> {
  const width = columns.length;
  const started = performance.now();
  for (let offset = 0; offset < rows.length; offset += perStatement) {
    const chunk = rows.slice(offset, offset + perStatement);
    const values = chunk
      .map((_, i) => `(${columns.map((__, c) => `$${i * width + c + 1}`).join(', ')})`)
      .join(', ');
    await db.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values}`, chunk.flat());
  }
  return performance.now() - started;
}

/** Single-row INSERTs of `rows`, each its own transaction, from `clients` connections at once (ms). */
export async function singleRowInserts(
  pool: Pool,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly Cell[])[],
  clients: number,
): Promise<number> {
  const text = `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((_, c) => `$${c + 1}`).join(', ')})`;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = next++; i < rows.length; i = next++) await pool.query(text, rows[i] as Cell[]);
    }),
  );
  return performance.now() - started;
}

/** COPY text format: tab-separated, `\N` for null, backslash escapes. */
function copyText(value: Cell): string {
  if (value === null) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  return String(value)
    .replace(/\\/g, '\\\\')
    .replace(/\t/g, '\\t')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r');
}

function runPsql(databaseUrl: string, script: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('psql', [databaseUrl, '-X', '-v', 'ON_ERROR_STOP=1', '-f', script], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`psql exited ${code}: ${out}`)),
    );
  });
}
