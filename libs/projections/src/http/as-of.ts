import { invalid } from '@storyline/story-events';
import { read, type AsOf, type TimelineOrder } from '@storyline/story-events';

const single = (query: Record<string, unknown>, name: string): string | undefined => {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw invalid(name, 'must be given once');
  return value;
};

export function parseAsOf(query: Record<string, unknown>): AsOf {
  const asOf = single(query, 'asOf');
  const clock = single(query, 'clock');
  const atPosition = single(query, 'atPosition');
  if (clock !== undefined && asOf === undefined) throw invalid('clock', 'only means something with asOf');
  if (atPosition !== undefined && !/^\d{1,15}$/.test(atPosition)) {
    throw invalid('atPosition', `must be a log position (a whole number >= 0), got "${atPosition.slice(0, 40)}"`);
  }
  return {
    asOf: asOf === undefined ? undefined : new Date(read.instant(asOf, 'asOf')),
    clock: clock === undefined ? (asOf === undefined ? undefined : 'reported') : read.oneOf(clock, 'clock', ['reported', 'recorded'] as const),
    atPosition: atPosition === undefined ? undefined : BigInt(atPosition),
  };
}

export function parseOrder(query: Record<string, unknown>): TimelineOrder {
  const order = single(query, 'order');
  return order === undefined ? 'reported' : read.oneOf(order, 'order', ['reported', 'occurred', 'recorded'] as const);
}
