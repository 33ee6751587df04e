import { formatDigestTime } from '../domain/digest-time';
import { type ValidationReport, type ValidityCount } from './validation-report';

/** What `aws cloudtrail validate-logs` prints for a report, stream by stream, and its exit code. */
export interface ValidateLogsOutput {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: 0 | 1 | 255;
}

/**
 * Renders a report the way the validator prints it (its `_write_*` methods): valid files on
 * stdout with `verbose`, invalid files and gaps on stderr, a blank line kept between the two
 * streams' blocks, then the summary. An aborted run prints the error as the CLI does (exit 255).
 */
export function renderValidateLogsOutput(
  report: ValidationReport,
  options: { readonly trailArn: string; readonly verbose: boolean },
): ValidateLogsOutput {
  const requested = `${formatDigestTime(report.requested.start)} and ${formatDigestTime(report.requested.end)}`;
  let stdout = `Validating log files for trail ${options.trailArn} between ${requested}\n\n`;
  let stderr = '';
  let doubleSpaced = true;
  for (const entry of report.entries) {
    if (entry.kind === 'gap' || entry.status === 'invalid') {
      stderr += `${doubleSpaced ? '' : '\n'}${entry.line}\n\n`;
      doubleSpaced = true;
    } else if (options.verbose) {
      stdout += `${entry.line}\n`;
      doubleSpaced = false;
    }
  }
  if (report.abortedWith !== null)
    return { stdout, stderr: `${stderr}\n${report.abortedWith}\n`, exitCode: 255 };
  return { stdout: stdout + summary(report, doubleSpaced), stderr, exitCode: report.valid ? 0 : 1 };
}

function summary(report: ValidationReport, doubleSpaced: boolean): string {
  const { requested, found, digests, backfillDigests, logs } = report;
  let text = `${doubleSpaced ? '' : '\n'}Results requested for ${formatDigestTime(requested.start)} to ${formatDigestTime(requested.end)}\n`;
  if (total(digests) + total(backfillDigests) === 0) return `${text}No digests found\n`;
  text += found
    ? `Results found for ${formatDigestTime(found.start)} to ${formatDigestTime(found.end)}:\n`
    : 'No valid digests found in range\n';
  text += ratio(digests, 'digest') + ratio(backfillDigests, 'backfill digest') + ratio(logs, 'log');
  return `${text}\n`;
}

function ratio(count: ValidityCount, name: string): string {
  const all = total(count);
  if (all === 0) return '';
  const invalid = count.invalid > 0 ? `, ${count.invalid}/${all} ${name} files INVALID` : '';
  return `\n${count.valid}/${all} ${name} files valid${invalid}`;
}

function total(count: ValidityCount): number {
  return count.valid + count.invalid;
}
