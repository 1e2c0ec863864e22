import { compareKeys, heaviest } from './features';
import type { ProfileNorms, ReportFeatures, StoryProfileSnapshot, Weighted } from './types';

export interface ProfileLimits {
  readonly decay: number;
  readonly profileEntities: number;
  readonly profileTerms: number;
}

/**
 * A story's compact profile: the decayed sum of its reports' unit-length feature vectors
 * (sublinear counts, no IDF: document frequencies move, so IDF is applied when scoring), cut
 * to the heaviest entities and words. Its size is bounded whatever the story's length.
 */
export class StoryProfile {
  reports = 0;
  firstPublished: number | null = null;
  lastPublished: number | null = null;
  entities = new Map<string, number>();
  terms = new Map<string, number>();
  /** Set by the router when it scores; cleared whenever the weights change. */
  norms: ProfileNorms | null = null;

  constructor(readonly storyId: string) {}

  static fromSnapshot(snapshot: StoryProfileSnapshot): StoryProfile {
    const profile = new StoryProfile(snapshot.storyId);
    profile.reports = snapshot.reports;
    profile.firstPublished = instant(snapshot.firstPublishedAt);
    profile.lastPublished = instant(snapshot.lastPublishedAt);
    profile.entities = new Map(snapshot.entities);
    profile.terms = new Map(snapshot.terms);
    profile.norms = snapshot.norms;
    return profile;
  }

  add(report: ReportFeatures, limits: ProfileLimits): void {
    this.norms = null;
    this.entities = blend(this.entities, unitVector(report.entities), limits.decay, limits.profileEntities);
    this.terms = blend(this.terms, unitVector(report.terms), limits.decay, limits.profileTerms);
    this.reports += 1;
    this.widen(instant(report.publishedAt));
  }

  /**
   * Takes a report's contribution back out (a move or a split). Approximate: the decay the
   * report's weights have had since it joined is unknown, so its undecayed vector is removed;
   * a rebuild from the log gives the exact profile.
   */
  remove(report: ReportFeatures): void {
    this.norms = null;
    this.entities = subtract(this.entities, unitVector(report.entities));
    this.terms = subtract(this.terms, unitVector(report.terms));
    this.reports = Math.max(0, this.reports - 1);
  }

  /** Folds another story's profile into this one (a merge). */
  absorb(other: StoryProfile, limits: ProfileLimits): void {
    this.norms = null;
    this.entities = blend(this.entities, [...other.entities.entries()], 1, limits.profileEntities);
    this.terms = blend(this.terms, [...other.terms.entries()], 1, limits.profileTerms);
    this.reports += other.reports;
    this.widen(other.firstPublished);
    this.widen(other.lastPublished);
  }

  /** Days from `at` to the nearest end of the story's span (0 inside it); null when unknown. */
  daysFrom(at: number | null): number | null {
    if (at === null || this.firstPublished === null || this.lastPublished === null) return null;
    const gap = at < this.firstPublished ? this.firstPublished - at : at > this.lastPublished ? at - this.lastPublished : 0;
    return gap / 86_400_000;
  }

  snapshot(): StoryProfileSnapshot {
    return {
      storyId: this.storyId,
      reports: this.reports,
      firstPublishedAt: this.firstPublished === null ? null : new Date(this.firstPublished).toISOString(),
      lastPublishedAt: this.lastPublished === null ? null : new Date(this.lastPublished).toISOString(),
      entities: sortedEntries(this.entities),
      terms: sortedEntries(this.terms),
      norms: this.norms,
    };
  }

  private widen(at: number | null): void {
    if (at === null) return;
    if (this.firstPublished === null || at < this.firstPublished) this.firstPublished = at;
    if (this.lastPublished === null || at > this.lastPublished) this.lastPublished = at;
  }
}

export function instant(iso: string | null): number | null {
  if (iso === null) return null;
  const at = Date.parse(iso);
  return Number.isNaN(at) ? null : at;
}

/** Sublinear counts (1 + ln n) scaled to unit length, in key order. */
export function unitVector(counts: readonly Weighted[]): Weighted[] {
  const weights = counts.map(([key, count]): Weighted => [key, count > 0 ? 1 + Math.log(count) : 0]);
  const norm = Math.sqrt(weights.reduce((sum, [, weight]) => sum + weight * weight, 0));
  return norm === 0 ? [] : weights.map(([key, weight]): Weighted => [key, weight / norm]);
}

function blend(profile: ReadonlyMap<string, number>, added: readonly Weighted[], decay: number, limit: number): Map<string, number> {
  const next = new Map<string, number>();
  for (const [key, weight] of profile) next.set(key, weight * decay);
  for (const [key, weight] of added) next.set(key, (next.get(key) ?? 0) + weight);
  // Always in key order: sums then run in the same order after a restore, so scores match exactly.
  return new Map(next.size <= limit ? sortedEntries(next) : heaviest(next, limit));
}

function subtract(profile: ReadonlyMap<string, number>, removed: readonly Weighted[]): Map<string, number> {
  const next = new Map(profile);
  for (const [key, weight] of removed) {
    const left = (next.get(key) ?? 0) - weight;
    if (left > 1e-9) next.set(key, left);
    else next.delete(key);
  }
  return next;
}

function sortedEntries(weights: ReadonlyMap<string, number>): Weighted[] {
  return [...weights.entries()].sort((a, b) => compareKeys(a[0], b[0]));
}
