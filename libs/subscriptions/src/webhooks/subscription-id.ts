import { z } from '@storyline/api-contract';
import { isUuid } from '@storyline/story-events';

/** A subscription's id in a path or the CLI: a UUID, else 400 naming `id` (the schema both checks and documents it). */
export const subscriptionParams = z.object({
  id: z
    .string()
    .refine(isUuid, { error: (issue) => `must be a subscription id (a UUID), got "${String(issue.input).slice(0, 60)}"` })
    .meta({ format: 'uuid', description: 'the subscription id', example: '2b0c6f5e-8d5a-4c1e-9a55-3f1f7d2f0b11' }),
});
