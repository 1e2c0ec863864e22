import { formatInstant, h } from './dom.js';

const WORDS = {
  FactReported: 'first reported',
  FactAmended: 'amended by an analyst',
  FactCorrected: 'corrected by the outlet',
  FactRetracted: 'retracted by the outlet',
  FactsLinked: 'linked',
  VerdictRecorded: 'verdict',
};

function words(kind) {
  return WORDS[kind] ?? kind.replace(/[_-]/g, ' ');
}

/** A fact's lineage as an ordered list: each step with when, in which report, by whom and why. */
export function lineageList(steps, archive) {
  if (steps.length === 0) return h('p', { class: 'hint' }, 'No steps recorded.');
  return h(
    'ol',
    { class: 'lineage-steps' },
    steps.map((step) => {
      const report = step.reportId ? archive.report(step.reportId) : null;
      const detail = step.detail ?? step.linkKind ?? step.verdict ?? null;
      const related = step.relatedFactId ? archive.factStatement(step.relatedFactId) : '';
      return h(
        'li',
        {},
        h('strong', {}, words(step.kind)),
        detail ? ` (${detail})` : '',
        related ? ` with “${related}”` : '',
        ` · ${formatInstant(step.at)}`,
        report ? ` · in the report by ${report.outlet ?? 'an unnamed outlet'}` : '',
        step.actor ? ` · by ${step.actor}` : '',
        step.reason ? ` — ${step.reason}` : '',
      );
    }),
  );
}
