import { invalid, isUuid, read } from '@storyline/story-events';
import { readReason, readSlug, readTitle } from '../../command-handling/membership';

export const MAX_SPLIT_REPORTS = 1000;

/** `{reports, slug, title, reason}`: the reports to take out of the story in the URL into a new story. */
export function parseSplitReports(body: unknown): { reportIds: string[]; slug: string; title: string; reason: string } {
  const input = read.object(body, '');
  read.rejectUnknownKeys(input, ['reports', 'slug', 'title', 'reason'], '');
  const reports = read.array(input.reports, 'reports', MAX_SPLIT_REPORTS);
  if (reports.length === 0) throw invalid('reports', 'must name at least one report');
  const reportIds = reports.map((value, index) => {
    const id = read.text(value, `reports[${index}]`, { max: 36 });
    if (!isUuid(id)) throw invalid(`reports[${index}]`, `must be a report id, got "${id}"`);
    return id.toLowerCase();
  });
  const twice = reportIds.findIndex((id, index) => reportIds.indexOf(id) !== index);
  if (twice >= 0) throw invalid(`reports[${twice}]`, 'names a report already listed');
  return { reportIds, slug: readSlug(input.slug), title: readTitle(input.title), reason: readReason(input.reason) };
}
