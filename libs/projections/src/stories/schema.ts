import { z } from '@storyline/api-contract';
import { StorySummary } from '../http/schema';

export const StoryList = z.object({ stories: z.array(StorySummary) }).meta({ id: 'StoryList' });
