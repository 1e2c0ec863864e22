import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@storyline/event-store';
import { normaliseSourceName, sourceIdForName, sourceStream } from '@storyline/story-events';
import { sourceFold } from '../../command-handling/folds';
import { runCommand } from '../../command-handling/run-command';
import { assertNotAnotherSource, sourceAnswer, type SourceAnswer } from '../../command-handling/sources';
import { READ_MODEL_SYNC, type ReadModelSync } from '../../read-model-sync';
import { RegisterSourceCommand } from './command';
import { decideRegisterSource } from './decide';

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
    const { appended, result, revision } = await runCommand(this.store, sourceStream(sourceId), sourceFold, { ...context, expectedRevision: null }, decideRegisterSource, { sourceId, name, kind, aliases });
    // Nothing appended: the source already was as asked, and its read model has long shown it.
    const readYourWrites = appended ? await this.readModels.waitFor(appended.position) : 'applied';
    return { ...sourceAnswer(sourceId, result, appended?.position), revision: revision, readYourWrites };
  }
}
