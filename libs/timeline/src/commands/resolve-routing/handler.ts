import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@storyline/event-store';
import { DomainError, inboxStream, nameBasedId, newId, SCHEMA_VERSIONS, storyForInboxReport, storyStream } from '@storyline/story-events';
import type { CommandContext } from '../../command-handling/command-context';
import { inboxFold } from '../../command-handling/inbox-state';
import { decideOnStream } from '../../command-handling/stream-decider';

import { ResolveRoutingCommand, type RoutingResolvedAnswer } from './command';
import { READ_MODEL_SYNC, type ReadModelSync } from '../../read-model-sync';
import { decideResolveRouting } from './decide';

/**
 * An analyst's answer to a waiting report. An accepted report's story must exist, unless it
 * is the new story proposed for it, which is opened here (under an event id derived from the
 * report, so a retried answer opens it once).
 */
@CommandHandler(ResolveRoutingCommand)
export class ResolveRoutingHandler implements ICommandHandler<ResolveRoutingCommand, RoutingResolvedAnswer> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_SYNC) private readonly readModels: ReadModelSync,
  ) {}

  async execute({ inbox, reportId, answer, context }: ResolveRoutingCommand): Promise<RoutingResolvedAnswer> {
    const named = answer.kind === 'accept' && answer.story !== null && answer.story !== 'new' ? answer.story : null;
    if (named !== null && (await this.store.streamRevision(storyStream(named))) === null) {
      throw new DomainError('STORY.NOT_FOUND', `no story has the id ${named}`, 'story');
    }
    let newStory: ReturnType<typeof storyForInboxReport> | null = null;
    const { result, lastPosition, revision } = await decideOnStream(this.store, inboxStream(inbox.inboxId), inboxFold, context, (state) => {
      newStory = storyForInboxReport(reportId, state.routing.get(reportId)?.headline ?? null);
      const command =
        answer.kind === 'reject'
          ? { kind: 'reject' as const, inboxId: inbox.inboxId, reportId, reason: answer.reason }
          : { kind: 'accept' as const, inboxId: inbox.inboxId, reportId, storyId: answer.story === 'new' ? newStory.storyId : named, newStory, reason: answer.reason };
      const { events, outcome } = decideResolveRouting(state, command, { idempotencyKey: context.idempotencyKey, newId });
      return { events, result: () => outcome };
    });
    let position = lastPosition;
    const opening = newStory as ReturnType<typeof storyForInboxReport> | null;
    if (answer.kind === 'accept' && opening !== null && result.storyId === opening.storyId) position = await this.open(opening, reportId, context);
    const readYourWrites = await this.readModels.waitFor(position > lastPosition ? position : lastPosition);
    return {
      reportId,
      decision: answer.kind === 'accept' ? 'accepted' : 'rejected',
      storyId: result.storyId,
      opened: result.storyId !== null && result.storyId === opening?.storyId,
      position: lastPosition,
      changed: result.changed,
      revision: revision,
      readYourWrites,
    };
  }

  /** Opens the report's own story; appending it again (a retry) is recognised and changes nothing. */
  private async open(story: { storyId: string; slug: string; title: string }, reportId: string, context: CommandContext): Promise<bigint> {
    if ((await this.store.streamRevision(storyStream(story.storyId))) !== null) return 0n;
    const event = {
      eventId: nameBasedId(`inbox-story-opened:${reportId}`),
      type: 'StoryOpened' as const,
      schemaVersion: SCHEMA_VERSIONS.StoryOpened,
      data: story,
      metadata: { actor: context.actor, correlationId: context.correlationId, causationId: context.commandId },
    };
    const appended = await this.store.appendToStream(storyStream(story.storyId), [event], 'any');
    return appended.position;
  }
}
