import { Query } from '@nestjs/cqrs';
import type { AsOf, Position } from '@storyline/story-events';

export interface SourceLedgerView {
  readonly story: { id: string; slug: string; title: string };
  readonly position: Position;
  readonly sources: readonly {
    readonly name: string;
    readonly reports: readonly { reportId: string; reportedAt: string | null }[];
    readonly facts: readonly { id: string; statement: string; reportedAt: string | null; first: boolean }[];
  }[];
}

export class GetSourceLedgerQuery extends Query<SourceLedgerView> {
  constructor(
    readonly ref: string,
    readonly view: AsOf,
  ) {
    super();
  }
}
