import type { ExtractionResult } from '@storyline/extraction';
import { extractOrExplain } from '@storyline/timeline';
import { read } from '@storyline/story-events';
import { readFileSync } from 'node:fs';
import { CliError, EXIT } from '../cli-error';

export interface ExtractOptions {
  readonly publishedAt?: string;
  readonly outlet?: string;
}

/** The extraction of one file, as `POST /extract` answers it; nothing is stored. */
export function extractFile(file: string, options: ExtractOptions): ExtractionResult {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliError(`${file}: ${(error as Error).message}`, EXIT.badInput);
  }
  const publishedAt = options.publishedAt === undefined ? null : read.instant(options.publishedAt, '--published-at');
  return extractOrExplain(text, { outlet: options.outlet ?? null, publishedAt }, file);
}

const found = (finding: { value: string } | null): string => finding?.value ?? 'unknown';

/** A reading of the extraction for a person: the report's findings, then one line per fact. */
export function formatExtraction(result: ExtractionResult): string {
  const header = [
    `outlet: ${found(result.outlet)}`,
    `published: ${found(result.publishedAt)}`,
    `dateline: ${found(result.dateline)}`,
    `extractor: ${result.extractor.name} ${result.extractor.version}`,
  ];
  const facts = result.facts.map((fact, index) => {
    const who = fact.attribution.source?.text ?? '(the outlet)';
    const cue = fact.attribution.cue ? ` [${fact.attribution.cue.text}]` : '';
    const when = fact.occurred && fact.occurred.precision !== 'unknown' ? ` (occurred ${fact.occurred.from ?? '…'} – ${fact.occurred.to ?? '…'}, ${fact.occurred.precision})` : '';
    return `${String(index + 1).padStart(3)}. ${fact.modality.padEnd(14)} ${who}${cue}: ${fact.statement.slice(0, 160)}${when}`;
  });
  return [...header, '', ...facts, '', `${result.facts.length} facts`].join('\n');
}
