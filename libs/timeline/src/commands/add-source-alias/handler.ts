import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@storyline/event-store';
import { sourceStream } from '@storyline/story-events';
import { sourceFold } from '../../command-handling/folds';
import { runCommand } from '../../command-handling/run-command';
import { assertNotAnotherSource, sourceAnswer, type SourceAnswer } from '../../command-handling/sources';
import { READ_MODEL_SYNC, type ReadModelSync } from '../../read-model-sync';
import { AddSourceAliasCommand } from './command';
import { decideAddSourceAlias } from './decide';

@CommandHandler(AddSourceAliasCommand)
export class AddSourceAliasHandler implements ICommandHandler<AddSourceAliasCommand, SourceAnswer> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_SYNC) private readonly readModels: ReadModelSync,
  ) {}

  async execute({ sourceId, alias, context }: AddSourceAliasCommand): Promise<SourceAnswer> {
    await assertNotAnotherSource(this.store, alias, 'alias');
    const { appended, result, revision } = await runCommand(this.store, sourceStream(sourceId), sourceFold, context, decideAddSourceAlias, { sourceId, alias });
    // Nothing appended: the source already was as asked, and its read model has long shown it.
    const readYourWrites = appended ? await this.readModels.waitFor(appended.position) : 'applied';
    return { ...sourceAnswer(sourceId, result, appended?.position), revision: revision, readYourWrites };
  }
}
