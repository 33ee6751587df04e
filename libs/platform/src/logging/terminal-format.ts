/** pino's numeric levels, as a person reads them. */
const LEVELS: Record<number, string> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO',
  40: 'WARN',
  50: 'ERROR',
  60: 'FATAL',
};
const LEVEL_COLORS: Record<number, string> = { 40: '\x1b[33m', 50: '\x1b[31m', 60: '\x1b[31m' };
const DIM = '\x1b[2m';
const RESET = '\x1b[0m';
/** Fields shown in the line's fixed parts, or not worth a person's attention. */
const SHOWN_APART = new Set(['level', 'time', 'pid', 'msg', 'component', 'context']);

/** The fields of a pino line that the terminal line shows in fixed places. */
interface LogEntry {
  level: number;
  time: string;
  msg?: string;
  component?: string;
  context?: string;
  err?: { stack?: string };
}

/**
 * One pino JSON line as a line for a terminal: local time, level, source, message, then the other
 * fields as key=value, and an error's stack below. The same redacted fields as the JSON.
 */
export function formatForTerminal(jsonLine: string, colors: boolean): string {
  const entry = JSON.parse(jsonLine) as LogEntry & Record<string, unknown>;
  const at = new Date(entry.time);
  const time = `${at.toTimeString().slice(0, 8)}.${String(at.getMilliseconds()).padStart(3, '0')}`;
  const { level } = entry;
  const label = (LEVELS[level] ?? String(level)).padEnd(5);
  const source = [entry.component, entry.context].filter((part) => typeof part === 'string').join(' ');
  const stack = entry.err?.stack;
  const fields = Object.entries(entry)
    .filter(([key]) => !SHOWN_APART.has(key) && !(key === 'err' && typeof stack === 'string'))
    .map(
      ([key, value]) =>
        `${key}=${typeof value === 'string' && !/\s/.test(value) ? value : JSON.stringify(value)}`,
    )
    .join(' ');
  const paint = (code: string | undefined, text: string): string =>
    colors && code ? `${code}${text}${RESET}` : text;
  return (
    `${paint(DIM, time)} ${paint(LEVEL_COLORS[level], label)} ` +
    (source ? `${paint(DIM, `[${source}]`)} ` : '') +
    (entry.msg ?? '') +
    (fields ? ` ${paint(DIM, fields)}` : '') +
    (typeof stack === 'string' ? `\n  ${stack.replace(/\n/g, '\n  ')}` : '') +
    '\n'
  );
}
