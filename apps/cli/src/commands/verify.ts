import type { INestApplicationContext } from '@nestjs/common';
import { AUDITED_LOG, verifyChain, type AuditedLog, type VerifyReport } from '@storyline/audit';
import { invalid } from '@storyline/story-events';
import { CliError, EXIT } from '../cli-error';
import { progress, type Progress } from '../progress';

export interface VerifyCommandOptions {
  readonly expectHead?: string;
  readonly expectHeadPosition?: string;
}

/** The log under audit, as the host wired it: the PostgreSQL events table, or the log index over KurrentDB. */
export function auditedLog(app: INestApplicationContext): AuditedLog {
  return app.get<typeof AUDITED_LOG, AuditedLog>(AUDITED_LOG);
}

function expectations(options: VerifyCommandOptions): { expectHead?: string; expectHeadPosition?: bigint } {
  const { expectHead, expectHeadPosition } = options;
  if (expectHead !== undefined && !/^[0-9a-fA-F]{64}$/.test(expectHead)) throw invalid('--expect-head', 'must be a SHA-256 hash in hex (64 characters)');
  if (expectHeadPosition !== undefined && !/^\d{1,15}$/.test(expectHeadPosition)) throw invalid('--expect-head-position', 'must be a log position');
  if (expectHeadPosition !== undefined && expectHead === undefined) throw invalid('--expect-head-position', 'needs --expect-head');
  return {
    ...(expectHead === undefined ? {} : { expectHead: expectHead.toLowerCase() }),
    ...(expectHeadPosition === undefined ? {} : { expectHeadPosition: BigInt(expectHeadPosition) }),
  };
}

/** Verifies the whole log's hash chain, with progress on stderr. */
export async function verifyLog(app: INestApplicationContext, options: VerifyCommandOptions): Promise<VerifyReport> {
  const expected = expectations(options);
  let bar: Progress | null = null;
  let shown = 0;
  try {
    return await verifyChain(auditedLog(app), {
      ...expected,
      onProgress: (checked, total) => {
        bar ??= progress('verifying', total);
        bar.advance(checked - shown);
        shown = checked;
      },
    });
  } finally {
    (bar as Progress | null)?.stop();
  }
}

export function formatVerify(report: VerifyReport): string {
  const head = `head: position ${report.headPosition} hash ${report.headHash}`;
  if (report.ok) return `OK: ${report.checked} events verified\n${head}\nKeep this head hash elsewhere; later, verify with --expect-head ${report.headHash} --expect-head-position ${report.headPosition}`;
  const where = report.firstBadPosition === undefined ? '' : ` at position ${report.firstBadPosition}`;
  return `FAILED: ${report.problem}${where}: ${report.detail}\n${report.checked} events verified before it\n${head}`;
}

/** Exit code 1 when the chain did not verify. */
export function failIfBroken(report: VerifyReport): void {
  if (!report.ok) throw new CliError(`the event log did not verify (${report.problem}${report.firstBadPosition === undefined ? '' : ` at position ${report.firstBadPosition}`})`, EXIT.failed);
}
