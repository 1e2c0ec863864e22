import { isoTime, jsonObject, positionNumber, uuid, z, type Check, type Fits } from '@storyline/api-contract';
import { StorySummary } from '../http/schema';
import type { MembershipView } from './membership.query';

export const MembershipChange = z
  .object({
    position: positionNumber,
    kind: z.enum(['moved', 'split', 'merged', 'renamed']),
    storyId: uuid.meta({ description: 'the story the reports left (or the one renamed)' }),
    toStoryId: uuid.nullable().meta({ description: 'the story the reports went to; null for a rename' }),
    reportIds: z.array(uuid),
    details: jsonObject,
    actor: z.string(),
    reason: z.string(),
    recordedAt: isoTime,
  })
  .meta({ id: 'MembershipChange' });

export const Membership = z
  .object({
    story: StorySummary.extend({ mergedInto: uuid.nullable().meta({ description: 'the story it was merged into, in the view; null when not merged' }) }).meta({
      description: 'the story as named (a merged story answers as itself here)',
    }),
    position: positionNumber,
    reports: z.array(uuid).meta({ description: 'the reports the story holds in the view, in id order' }),
    changes: z.array(MembershipChange).meta({ description: 'the membership changes it took part in up to the view, oldest first' }),
  })
  .meta({ id: 'Membership' });

export type MembershipFits = Check<Fits<MembershipView, typeof Membership>>;
