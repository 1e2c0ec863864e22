import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DomainError, type AsOf } from '@storyline/story-events';
import { LineageReader, type FactLineage } from './lineage.reader';

/** One fact's history as of a view; FACT.NOT_FOUND when the view does not hold it. */
export class GetFactLineageQuery extends Query<FactLineage> {
  constructor(
    readonly factId: string,
    readonly view: AsOf,
  ) {
    super();
  }
}

@QueryHandler(GetFactLineageQuery)
export class GetFactLineageHandler implements IQueryHandler<GetFactLineageQuery, FactLineage> {
  constructor(private readonly lineage: LineageReader) {}

  async execute({ factId, view }: GetFactLineageQuery): Promise<FactLineage> {
    const found = await this.lineage.lineage(factId, view);
    if (!found) throw new DomainError('FACT.NOT_FOUND', `no fact has the id ${factId} (as of this view)`, 'fact');
    return found;
  }
}
