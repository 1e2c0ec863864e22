import { answerToJson } from '@storyline/story-events';
import { Controller, Get, Headers, Logger, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { StoriesReader } from '@storyline/projections';
import type { Request, Response } from 'express';
import { EventFeed, type FeedPage } from './event-feed';
import { readLimit, readPosition, readStories, readTypes, seesMetadata } from './feed-input';

const HEARTBEAT_MS = 15_000;

type Viewer = Request & { role?: string };

/** The global feed: every story's events in log order, filtered, paged or followed live. */
@ApiTags('feed')
@Controller('events')
export class EventsController {
  private readonly logger = new Logger('feed');

  constructor(
    private readonly feed: EventFeed,
    private readonly stories: StoriesReader,
  ) {}

  @Get()
  @ApiQuery({ name: 'after', required: false, description: 'events after this global position (default 0)' })
  @ApiQuery({ name: 'types', required: false, description: 'comma-separated event types, e.g. FactReported,FactsLinked' })
  @ApiQuery({ name: 'story', required: false, description: 'comma-separated story slugs or ids' })
  @ApiQuery({ name: 'limit', required: false, description: '1 to 1000 events (default 100)' })
  @ApiOkResponse({ description: '{events: [{position, eventId, type, story, streamId, recordedAt, data, metadata?}], next, head}' })
  async page(@Query() query: Record<string, string | undefined>, @Req() request: Viewer): Promise<FeedPage> {
    const after = readPosition(query.after, 'after');
    const limit = readLimit(query.limit);
    const filter = { types: readTypes(query.types, 'types'), stories: await readStories(this.stories, query.story, 'story') };
    return this.feed.page(after, limit, filter, seesMetadata(request.role));
  }

  /** Server-sent events: one message per event (id = its position), then live ones as they come. */
  @Get('stream')
  @ApiProduces('text/event-stream')
  @ApiQuery({ name: 'after', required: false, description: 'start after this position (or send Last-Event-ID)' })
  @ApiQuery({ name: 'types', required: false })
  @ApiQuery({ name: 'story', required: false })
  async stream(
    @Query() query: Record<string, string | undefined>,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Req() request: Viewer,
    @Res() response: Response,
  ): Promise<void> {
    const fromHeader = query.after === undefined && lastEventId !== undefined;
    const after = readPosition(fromHeader ? lastEventId : query.after, fromHeader ? 'Last-Event-ID' : 'after');
    const filter = { types: readTypes(query.types, 'types'), stories: await readStories(this.stories, query.story, 'story') };
    const abort = new AbortController();
    request.on('close', () => abort.abort());
    response.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache, no-transform', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
    response.write(': following the log\n\n');
    const heartbeat = setInterval(() => response.write(': keep-alive\n\n'), HEARTBEAT_MS);
    try {
      await this.feed.follow(after, filter, seesMetadata(request.role), {
        signal: abort.signal,
        send: (event) => response.write(`id: ${event.position}\nevent: ${event.type}\ndata: ${answerToJson(event)}\n\n`),
      });
    } catch (error) {
      this.logger.error(`event stream stopped: ${error instanceof Error ? error.message : String(error)}`);
      response.write(`event: error\ndata: ${JSON.stringify({ error: { code: 'FEED.INTERRUPTED', message: 'the feed stopped; reconnect with Last-Event-ID' } })}\n\n`);
    } finally {
      clearInterval(heartbeat);
      response.end();
    }
  }
}
