import { verifyExport, type ExportVerification } from '@storyline/audit';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { CliError, EXIT } from '../cli-error';

/** Verifies an export file offline: no database, no configuration. */
export async function verifyExportFile(path: string): Promise<ExportVerification> {
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) throw new CliError(`${path}: no such file`, EXIT.badInput);
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  return verifyExport(lines);
}

export function formatExportVerification(path: string, report: ExportVerification): string {
  const story = report.story ? `story ${report.story.slug ?? '(no slug)'} (${report.story.id})` : 'the export';
  if (!report.ok) return `FAILED: ${path} line ${report.firstBadLine}: ${report.problem}`;
  const range = report.firstPosition ? `, positions ${report.firstPosition}..${report.lastPosition}` : '';
  return `OK: ${report.events} events of ${story}${range}, each hash recomputed from its content and its predecessor's hash\nlog head at export: position ${report.head?.position} hash ${report.head?.hash}`;
}

/** Exit code 1 when the export did not verify. */
export function failIfRejected(path: string, report: ExportVerification): void {
  if (!report.ok) throw new CliError(`${path} did not verify (line ${report.firstBadLine})`, EXIT.failed);
}
