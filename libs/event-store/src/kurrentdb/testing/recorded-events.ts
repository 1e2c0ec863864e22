import type { AllStreamRecordedEvent, AllStreamResolvedEvent, EventData, Position } from '@kurrent/kurrentdb-client';

/**
 * A recorded event as KurrentDB's client hands it back for `sent`: data and metadata through
 * JSON, as the client serialises them on the way in and parses them on the way out.
 */
export function recordedFrom(sent: EventData, where: { streamId: string; revision: bigint; position: Position; created?: Date }): AllStreamRecordedEvent {
  return {
    streamId: where.streamId,
    id: sent.id,
    isJson: true,
    revision: where.revision,
    type: sent.type,
    created: where.created ?? new Date('2025-11-27T10:00:00.000Z'),
    data: JSON.parse(JSON.stringify(sent.data)),
    metadata: JSON.parse(JSON.stringify(sent.metadata)),
    position: where.position,
  } as AllStreamRecordedEvent;
}

/** The client's async iterable of resolved events, for reads. */
export async function* resolvedEvents(events: readonly AllStreamRecordedEvent[]): AsyncGenerator<AllStreamResolvedEvent> {
  for (const event of events) yield { event, commitPosition: event.position.commit };
}

/** A position whose commit and prepare are both `at`, as a one-event write gets. */
export function at(commit: bigint, prepare = commit): Position {
  return { commit, prepare };
}
