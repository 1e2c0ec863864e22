import { resolveStory } from '../stories/resolve-story';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { SourceLedgerReader } from './source-ledger.reader';
import { StoriesReader } from '../stories/stories.reader';
import { GetSourceLedgerQuery, type SourceLedgerView } from './get-source-ledger.query';

@QueryHandler(GetSourceLedgerQuery)
export class GetSourceLedgerHandler implements IQueryHandler<GetSourceLedgerQuery, SourceLedgerView> {
  constructor(
    private readonly stories: StoriesReader,
    private readonly ledger: SourceLedgerReader,
  ) {}

  async execute({ ref, view }: GetSourceLedgerQuery): Promise<SourceLedgerView> {
    const story = await resolveStory(this.stories, ref, view);
    const ledger = await this.ledger.sources(story.id, view);
    return { story, position: ledger.position, sources: ledger.sources };
  }
}
