import { Body, Controller, HttpCode, Post, Query, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequireRole } from '@storyline/access';
import type { ExtractionResult } from '@storyline/extraction';
import type { Request } from 'express';
import { DomainError, invalid } from '@storyline/story-events';
import { read } from '@storyline/story-events';
import { LIMITS } from '../command-handling/input';
import { extractOrExplainAsync } from '../commands/ingest-report/raw-text';

/** Reads raw text from text/plain, or `{text, publishedAt?, outlet?}` from JSON. */
function readInput(body: unknown, query: Record<string, unknown>, request: Request): { text: string; hints: Record<string, unknown>; field: string } {
  if (request.is('text/plain')) {
    if (typeof body !== 'string') throw invalid('body', 'must be the report text');
    return { text: body, hints: query, field: 'body' };
  }
  if (!request.is('application/json')) throw new DomainError('REQUEST.UNSUPPORTED_MEDIA_TYPE', 'send the text as text/plain, or JSON {text, publishedAt?, outlet?}', 'Content-Type');
  const input = read.object(body, '');
  read.rejectUnknownKeys(input, ['text', 'publishedAt', 'outlet'], '');
  return { text: read.text(input.text, 'text', { max: LIMITS.textChars }), hints: input, field: 'text' };
}

/** The facts the extractor finds in a text, with their evidence spans. Nothing is stored. */
@ApiTags('extraction')
@Controller('extract')
export class ExtractController {
  @Post()
  @HttpCode(200)
  @RequireRole('reader')
  @ApiConsumes('text/plain', 'application/json')
  @ApiBody({ description: 'the raw article text (text/plain, with ?publishedAt=&outlet=), or JSON {text, publishedAt?, outlet?}' })
  @ApiOkResponse({ description: '{facts: [{statement, evidence, modality, occurred?, entities, attribution}], outlet, publishedAt, dateline, byline, headline, entities, extractor}' })
  extract(@Body() body: unknown, @Query() query: Record<string, unknown>, @Req() request: Request): Promise<ExtractionResult> {
    const { text, hints, field } = readInput(body, query, request);
    if (text.length > LIMITS.textChars) throw invalid(field, `must be at most ${LIMITS.textChars} characters, got ${text.length}`);
    return extractOrExplainAsync(
      text,
      {
        outlet: read.optionalText(hints.outlet, 'outlet', { max: LIMITS.nameChars }),
        publishedAt: read.optionalInstant(hints.publishedAt, 'publishedAt'),
      },
      field,
    );
  }
}
