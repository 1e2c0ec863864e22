/** Which story a fact belongs to, so `/facts/{id}/...` can reach the story's stream. */
export interface FactLocator {
  storyOf(factId: string): Promise<string | null>;
}

export const FACT_LOCATOR = Symbol('FACT_LOCATOR');
