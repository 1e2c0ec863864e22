import { LINK_KINDS, read, type LinkKind } from '@storyline/story-events';
import { REASON } from '../../command-handling/input';

export interface LinkRequest {
  readonly fromFactId: string;
  readonly toFactId: string;
  readonly kind: LinkKind;
  readonly reason: string | null;
}

export function parseLink(body: unknown): LinkRequest {
  const input = read.object(body, '');
  read.rejectUnknownKeys(input, ['fromFactId', 'toFactId', 'kind', 'reason'], '');
  const id = { max: 36, pattern: /^[0-9a-f-]{36}$/i, patternHint: 'must be a fact id' };
  return {
    fromFactId: read.text(input.fromFactId, 'fromFactId', id).toLowerCase(),
    toFactId: read.text(input.toFactId, 'toFactId', id).toLowerCase(),
    kind: read.oneOf(input.kind, 'kind', LINK_KINDS),
    reason: read.optionalText(input.reason, 'reason', REASON)?.trim() ?? null,
  };
}
