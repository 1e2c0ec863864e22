import { Controller, Get, Headers, Logger, Param, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { StoriesReader } from '../stories/stories.reader';
import { ApiOkResponse, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { answerToJson, invalid, type Position } from '@storyline/story-events';
import { read } from '@storyline/story-events';
import { seesMetadata, type Authenticated } from '@storyline/story-events';
import { resolveStory } from '../stories/resolve-story';
import type { ReplayStep, StateDetail } from './replay';
import { ReplayStoryQuery, type ReplayPage } from './replay-story.query';
import { ReplayStreamer } from './replay-streamer';

const HEARTBEAT_MS = 15_000;

function position(value: string | undefined, field: string): Position {
  if (value === undefined || value === '') return 0n;
  if (!/^\d{1,15}$/.test(value)) throw invalid(field, `must be a log position (a whole number >= 0), got "${value.slice(0, 40)}"`);
  return BigInt(value);
}

function limitOf(value: string | undefined): number {
  if (value === undefined) return 100;
  const limit = Number(value);
  if (!/^\d{1,4}$/.test(value) || limit < 1 || limit > 1000) throw invalid('limit', `must be between 1 and 1000, got "${value.slice(0, 20)}"`);
  return limit;
}

/** Readers see what happened; the metadata (who did it, how it was correlated) is for auditors. */
function forViewer(step: ReplayStep, request: Authenticated): ReplayStep {
  if (seesMetadata(request)) return step;
  const { metadata: _hidden, ...visible } = step;
  return visible as ReplayStep;
}

function detail(value: string | undefined): StateDetail {
  return value === undefined ? 'summary' : read.oneOf(value, 'state', ['summary', 'full', 'none'] as const);
}

/**
 * The whole state after every step of a page grows with the story times the page (27 MB for
 * 500 steps of a 2,000-fact story), so `state=full` answers one step at a time: `limit=1`.
 */
function boundedDetail(value: string | undefined, limit: number): StateDetail {
  const state = detail(value);
  if (state === 'full' && limit !== 1) {
    throw invalid('state', `state=full gives the whole story after one step: ask with limit=1 (got limit=${limit}), or use state=summary or state=none`);
  }
  return state;
}

@ApiTags('replay')
@Controller('stories/:story/replay')
export class ReplayController {
  private readonly logger = new Logger('replay');

  constructor(
    private readonly queries: QueryBus,
    private readonly stories: StoriesReader,
    private readonly streamer: ReplayStreamer,
  ) {}

  @Get()
  @ApiQuery({ name: 'after', required: false, description: 'replay events after this global position' })
  @ApiQuery({ name: 'limit', required: false, description: '1 to 1000 events (default 100)' })
  @ApiQuery({ name: 'state', required: false, enum: ['summary', 'full', 'none'], description: "the story's state after each event: summary (default, counts), none, or full (only with limit=1)" })
  @ApiOkResponse({ description: '{story, events: [{position, type, recordedAt, data, metadata, state}], next, head}' })
  async page(@Param('story') story: string, @Query() query: Record<string, string | undefined>, @Req() request: Request & Authenticated): Promise<ReplayPage> {
    const limit = limitOf(query.limit);
    const page: ReplayPage = await this.queries.execute(new ReplayStoryQuery(story, position(query.after, 'after'), limit, boundedDetail(query.state, limit)));
    return { ...page, events: page.events.map((step) => forViewer(step, request)) };
  }

  /** Server-sent events: one message per event (id = its position), then live ones as they come. */
  @Get('stream')
  @ApiProduces('text/event-stream')
  @ApiQuery({ name: 'after', required: false, description: 'start after this position (or send Last-Event-ID)' })
  @ApiQuery({ name: 'state', required: false, enum: ['summary', 'none'] })
  async stream(
    @Param('story') ref: string,
    @Query() query: Record<string, string | undefined>,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Req() request: Request & Authenticated,
    @Res() response: Response,
  ): Promise<void> {
    const after = position(query.after ?? lastEventId, query.after === undefined && lastEventId !== undefined ? 'Last-Event-ID' : 'after');
    const state = detail(query.state);
    if (state === 'full') throw invalid('state', 'a stream sends every step, so it carries state=summary or state=none; ask GET /replay?state=full&limit=1 for one step\'s whole state');
    const story = await resolveStory(this.stories, ref);
    const abort = new AbortController();
    request.on('close', () => abort.abort());
    response.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache, no-transform', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
    response.write(': replaying\n\n');
    const heartbeat = setInterval(() => response.write(': keep-alive\n\n'), HEARTBEAT_MS);
    try {
      await this.streamer.stream(story.id, after, state, {
        signal: abort.signal,
        send: (step) => response.write(`id: ${step.position}\nevent: ${step.type}\ndata: ${answerToJson(forViewer(step, request))}\n\n`),
      });
    } catch (error) {
      this.logger.error(`replay stream of ${story.slug} stopped: ${error instanceof Error ? error.message : String(error)}`);
      response.write(`event: error\ndata: ${JSON.stringify({ error: { code: 'REPLAY.INTERRUPTED', message: 'the replay stopped; reconnect with Last-Event-ID' } })}\n\n`);
    } finally {
      clearInterval(heartbeat);
      response.end();
    }
  }
}
