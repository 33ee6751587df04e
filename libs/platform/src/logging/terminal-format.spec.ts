import { createLogger } from './logger';
import { formatForTerminal } from './terminal-format';

/** What a logger writing to a terminal prints for the lines `log` logs. */
function printed(log: (logger: ReturnType<typeof createLogger>) => void, colors = false): string {
  const lines: string[] = [];
  log(createLogger('debug', { write: (line: string) => void lines.push(formatForTerminal(line, colors)) }));
  return lines.join('');
}

describe(formatForTerminal.name, () => {
  it('shows the time, level, source and message, then the other fields as key=value', () => {
    const line = printed((logger) =>
      logger
        .child({ component: 'nest' })
        .warn({ context: 'Swagger', count: 2, note: 'two words' }, 'Duplicate'),
    );

    expect(line).toMatch(
      /^\d\d:\d\d:\d\d\.\d{3} WARN {2}\[nest Swagger\] Duplicate count=2 note="two words"\n$/,
    );
  });

  it('prints an error’s stack below its line', () => {
    const error = new Error('database unavailable');

    const line = printed((logger) => logger.error({ err: error }, 'shutdown failed'));

    expect(line).toMatch(/ ERROR shutdown failed\n {2}Error: database unavailable\n {6}at /);
    expect(line).not.toContain('err=');
  });

  it('keeps secrets redacted', () => {
    const line = printed((logger) => logger.info({ secretAccessKey: 'wJalrXUtnFEMI' }, 'created'));

    expect(line).toContain('secretAccessKey=<redacted>');
    expect(line).not.toContain('wJalrXUtnFEMI');
  });

  it('colours warnings only when asked to', () => {
    expect(printed((logger) => logger.warn('slow'), true)).toContain('\x1b[33mWARN \x1b[0m');
    expect(printed((logger) => logger.warn('slow'), false)).not.toContain('\x1b[');
  });
});
