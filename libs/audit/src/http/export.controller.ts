import { Controller, Get, Inject, Logger, Param, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiContract } from '@storyline/api-contract';
import { exportParams, StoryExport } from './schema';
import { RequireRole } from '@storyline/access';
import { DomainError } from '@storyline/story-events';
import type { Response } from 'express';
import { AUDITED_LOG, type AuditedLog } from '../audited-log';
import { storyExportLines } from '../export/story-export';
import { storyIdOf } from './params';

@ApiTags('audit')
@Controller('stories/:story/export')
export class ExportController {
  private readonly logger = new Logger('export');

  constructor(@Inject(AUDITED_LOG) private readonly log: AuditedLog) {}

  /** NDJSON: a header line, one line per event with its hash and its predecessor's, a trailer line. */
  @Get()
  @RequireRole('auditor')
  @ApiContract({
    operationId: 'exportStory',
    summary: "Export a story's full history, verifiable offline (docs/audit.md)",
    params: exportParams,
    ok: { schema: StoryExport, contentType: 'application/x-ndjson' },
    errors: { 404: 'no such story (STORY.NOT_FOUND)' },
  })
  async export(@Param('story') ref: string, @Res() response: Response): Promise<void> {
    const id = storyIdOf(ref);
    if (id === null) throw new DomainError('STORY.NOT_FOUND', `no story has the id or slug "${ref.slice(0, 80)}"`, 'story');
    const lines = storyExportLines(this.log, id);
    // The first line comes only once the story is found, so a 404 can still be answered.
    const first = await lines.next();
    response.writeHead(200, { 'Content-Type': 'application/x-ndjson', 'Content-Disposition': `attachment; filename="story-${id}.ndjson"` });
    try {
      if (!first.done && (await write(response, first.value))) {
        for await (const line of lines) if (!(await write(response, line))) break;
      }
    } catch (error) {
      // Headers are gone: cut the body short, so the missing trailer tells the reader.
      this.logger.error(`export of ${id} stopped: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      response.end();
    }
  }
}

/** Writes one line, waiting while the client's buffer is full; false once the client has gone. */
async function write(response: Response, line: string): Promise<boolean> {
  if (response.destroyed) return false;
  if (response.write(`${line}\n`)) return true;
  await new Promise<void>((resolve) => {
    const done = (): void => {
      response.off('drain', done);
      response.off('close', done);
      resolve();
    };
    response.on('drain', done);
    response.on('close', done);
  });
  return !response.destroyed;
}
