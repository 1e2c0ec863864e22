import { writtenRevisionToJson, type WriteOutcome } from '../../http/write-outcome';
import { positionToJson } from '@storyline/story-events';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@storyline/event-store';
import { sourceFold } from '../../command-handling/folds';
import { decideOnStream } from '../../command-handling/stream-decider';
import { DomainError } from '@storyline/story-events';
import { sourceStream } from '@storyline/story-events';
import { sourceIdForName } from '@storyline/story-events';
import { normaliseSourceName } from '@storyline/story-events';
import { decideAddAlias, decideRegisterSource, evolveSource, type SourceState } from '../../domain/source';
import { READ_MODEL_SYNC, type ReadModelSync } from '../../read-model-sync';
import { AddSourceAliasCommand, RegisterSourceCommand, type SourceAnswer } from './register-source.command';

const answer = (id: string, state: SourceState, position: bigint | undefined): Omit<SourceAnswer, keyof WriteOutcome> => ({
  id,
  name: state.name ?? '',
  aliases: state.aliases,
  position: positionToJson(position ?? 0n),
});

/** An alias that is another registered source's own name would make two sources one. */
async function assertNotAnotherSource(store: EventStore, alias: string, field: string): Promise<void> {
  const other = await store.readStream(sourceStream(sourceIdForName(normaliseSourceName(alias))), { maxCount: 1 });
  if (other.length > 0) throw new DomainError('SOURCE.ALIAS_TAKEN', `"${alias}" is already a registered source's name`, field);
}

@CommandHandler(RegisterSourceCommand)
export class RegisterSourceHandler implements ICommandHandler<RegisterSourceCommand, SourceAnswer> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_SYNC) private readonly readModels: ReadModelSync,
  ) {}

  async execute({ name, kind, aliases, context }: RegisterSourceCommand): Promise<SourceAnswer> {
    for (const [index, alias] of aliases.entries()) {
      if (normaliseSourceName(alias) !== normaliseSourceName(name)) await assertNotAnotherSource(this.store, alias, `aliases[${index}]`);
    }
    const sourceId = sourceIdForName(normaliseSourceName(name));
    const { appended, result, revision } = await decideOnStream(this.store, sourceStream(sourceId), sourceFold, { ...context, expectedRevision: null }, (state) => {
      const events = decideRegisterSource(state, { sourceId, name, kind, aliases });
      const after = events.reduce((folded, event) => evolveSource(folded, event), state);
      return { events, result: (done) => answer(sourceId, after, done?.position) };
    });
    // Nothing appended: the source already was as asked, and its read model has long shown it.
    const readYourWrites = appended ? await this.readModels.waitFor(appended.position) : 'applied';
    return { ...result, revision: writtenRevisionToJson(revision), readYourWrites };
  }
}

@CommandHandler(AddSourceAliasCommand)
export class AddSourceAliasHandler implements ICommandHandler<AddSourceAliasCommand, SourceAnswer> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_SYNC) private readonly readModels: ReadModelSync,
  ) {}

  async execute({ sourceId, alias, context }: AddSourceAliasCommand): Promise<SourceAnswer> {
    await assertNotAnotherSource(this.store, alias, 'alias');
    const { appended, result, revision } = await decideOnStream(this.store, sourceStream(sourceId), sourceFold, context, (state) => {
      const events = decideAddAlias(state, sourceId, alias);
      const aliases = events.length > 0 ? [...state.aliases, alias] : state.aliases;
      return { events, result: (done) => answer(sourceId, { ...state, aliases }, done?.position) };
    });
    // Nothing appended: the source already was as asked, and its read model has long shown it.
    const readYourWrites = appended ? await this.readModels.waitFor(appended.position) : 'applied';
    return { ...result, revision: writtenRevisionToJson(revision), readYourWrites };
  }
}
