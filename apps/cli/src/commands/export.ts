import type { INestApplicationContext } from '@nestjs/common';
import { storyExportLines, storyIdOf } from '@storyline/audit';
import { DomainError } from '@storyline/story-events';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { CliError, EXIT } from '../cli-error';
import { auditedLog } from './verify';

export interface ExportCommandOptions {
  readonly output?: string;
}

async function writeLine(out: Writable, line: string): Promise<void> {
  if (!out.write(`${line}\n`)) await once(out, 'drain');
}

async function openOutput(path: string): Promise<Writable> {
  const file = createWriteStream(path);
  try {
    await once(file, 'open');
  } catch (error) {
    throw new CliError(`--output ${path}: ${(error as NodeJS.ErrnoException).code ?? 'cannot write'}: ${(error as Error).message}`, EXIT.badInput);
  }
  return file;
}

/**
 * Writes a story's NDJSON export to `--output` or stdout and returns how many events it
 * holds. A failure part-way leaves a file without its trailer, which verify-export refuses.
 */
export async function exportStory(app: INestApplicationContext, ref: string, options: ExportCommandOptions): Promise<number> {
  const id = storyIdOf(ref);
  if (id === null) throw new DomainError('STORY.NOT_FOUND', `no story has the id or slug "${ref.slice(0, 80)}"`, 'story');
  const lines = storyExportLines(auditedLog(app), id);
  // Nothing is written, and no file created, for a story that does not exist.
  const header = await lines.next();
  const out = options.output ? await openOutput(options.output) : process.stdout;
  let written = 0;
  try {
    for (const line of header.done ? [] : [header.value]) await writeLine(out, line);
    for await (const line of lines) {
      await writeLine(out, line);
      written += 1;
    }
  } finally {
    if (out !== process.stdout) {
      out.end();
      await finished(out);
    }
  }
  // Every line after the header but the trailer is an event.
  return Math.max(written - 1, 0);
}
