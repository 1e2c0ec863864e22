import type { INestApplicationContext } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { INBOX_STATUSES, ListInboxQuery, type InboxPage, type InboxReportView } from '@storyline/projections';
import { DEFAULT_INBOX_POLICY } from '@storyline/routing';
import { answerToJson, invalid, newId, read } from '@storyline/story-events';
import {
  parseInboxName,
  parseInboxPolicy,
  parseReport,
  parseReportId,
  ResolveRoutingCommand,
  SendToInboxCommand,
  SetInboxPolicyCommand,
  storyIdFromRef,
  submissionFromText,
  type CommandContext,
} from '@storyline/timeline';
import { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { extname } from 'node:path';
import { withStoryline } from '../cli-context';
import { CliError, EXIT } from '../cli-error';

type Print = (line: string) => void;

function context(): CommandContext {
  const commandId = newId();
  return { actor: `cli:${userInfo().username}`, correlationId: commandId, commandId, idempotencyKey: null, expectedRevision: null };
}

function readFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliError(`${file}: ${(error as Error).message}`, EXIT.badInput);
  }
}

/** One report per file: a structured JSON report (with facts), or raw text whose facts are extracted. */
function sendCommand(file: string, inboxId: string, options: { outlet?: string; publishedAt?: string }): SendToInboxCommand {
  const content = readFile(file);
  if (extname(file).toLowerCase() === '.json') {
    let body: unknown;
    try {
      body = JSON.parse(content);
    } catch (error) {
      throw new CliError(`${file}: ${(error as Error).message}`, EXIT.badInput);
    }
    return new SendToInboxCommand(inboxId, parseReport(body, ['outlet', 'publishedAt']), context());
  }
  const hints = { outlet: options.outlet ?? null, publishedAt: read.optionalInstant(options.publishedAt, '--published-at'), headline: null, url: null };
  const { report, extractor } = submissionFromText(content, hints);
  return new SendToInboxCommand(inboxId, report, context(), { extractor });
}

function formatReport(report: InboxReportView): string {
  const head = `${report.reportId}  ${report.status.padEnd(8)} ${report.publishedAt?.slice(0, 10) ?? 'undated   '}  ${report.outlet ?? '-'}  ${report.headline ?? ''}`.trimEnd();
  const proposals = report.proposals.map((proposal) => {
    const story = proposal.storyId === null ? 'a new story' : `${proposal.slug ?? proposal.storyId}${proposal.title ? ` (${proposal.title})` : ''}`;
    const shared = proposal.reasons ? `  shared: ${[...proposal.reasons.sharedEntities, ...proposal.reasons.sharedTerms].slice(0, 6).join(', ')}` : '';
    return `    ${proposal.score.toFixed(2)}  ${story}${shared}`;
  });
  return [head, ...proposals].join('\n');
}

function formatPage(page: InboxPage): string {
  const policy = `threshold ${page.policy.threshold ?? 'never'}, new stories ${page.policy.autoOpen ? 'opened at once' : 'wait'}${page.policy.set ? '' : ' (default)'}`;
  const lines = [`inbox ${page.inbox}: ${policy}`, ...page.reports.map(formatReport)];
  if (page.reports.length === 0) lines.push('  nothing here');
  if (page.next) lines.push(`more: --after ${page.next}`);
  return lines.join('\n');
}

async function commands<T>(work: (bus: CommandBus, app: INestApplicationContext) => Promise<T>): Promise<T> {
  return withStoryline((app) => work(app.get(CommandBus), app));
}

/**
 * `storyline inbox send|list|accept|reject|policy`: reports sent without a story, the
 * router's proposals, and an analyst's answers; the same checks and answers as `/inbox`.
 */
export function registerInboxCommands(cli: Command, print: Print): void {
  const inbox = cli.command('inbox').description('reports sent without a story, routed to the stories they belong to (see README "Inbox")');
  const output = (json: boolean | undefined, value: unknown, text: string): void => print(json ? answerToJson(value, 2) : text);

  inbox
    .command('send')
    .description('send reports to an inbox: raw text files (facts extracted) or structured JSON reports, one per file')
    .argument('<files...>', 'report files')
    .option('--inbox <name>', 'the inbox (default "default")')
    .option('--outlet <name>', 'the outlet of raw text reports')
    .option('--published-at <instant>', 'when raw text reports were published (ISO 8601)')
    .option('--json', 'print as JSON')
    .action(async (files: string[], options) => {
      const { name, inboxId } = parseInboxName(options.inbox, '--inbox');
      const answers = await commands(async (bus) => {
        const sent = [];
        for (const file of files) sent.push({ file, ...(await bus.execute(sendCommand(file, inboxId, options))) });
        return sent;
      });
      output(options.json, { inbox: name, reports: answers }, answers.map((answer) => `${answer.file}: ${answer.created ? 'sent to' : 'already in'} inbox ${name} as report ${answer.reportId}`).join('\n'));
    });

  inbox
    .command('list')
    .description("an inbox's reports with the stories proposed for each, the best first")
    .option('--inbox <name>', 'the inbox (default "default")')
    .option('--status <status>', `${[...INBOX_STATUSES, 'all'].join(', ')} (default waiting)`)
    .option('--limit <n>', 'at most this many (1..200, default 50)')
    .option('--after <next>', 'the next page, as the previous one said')
    .option('--json', 'print as JSON')
    .action(async (options) => {
      const inboxRef = parseInboxName(options.inbox, '--inbox');
      const status = options.status === undefined ? 'waiting' : read.oneOf(options.status, '--status', [...INBOX_STATUSES, 'all'] as const);
      const limit = options.limit === undefined ? 50 : read.integer(Number(options.limit), '--limit', 1, 200);
      if (options.after !== undefined && !/^\d{1,18}$/.test(options.after)) throw invalid('--after', 'must be the next page as a previous list printed it');
      const defaults = { threshold: DEFAULT_INBOX_POLICY.autoJoinAt, autoOpen: DEFAULT_INBOX_POLICY.autoOpen };
      const page: InboxPage = await withStoryline((app) => app.get(QueryBus).execute(new ListInboxQuery(inboxRef, status, limit, BigInt(options.after ?? 0), defaults)));
      output(options.json, page, formatPage(page));
    });

  const answer = (kind: 'accept' | 'reject') =>
    inbox
      .command(kind)
      .description(kind === 'accept' ? "accept a waiting report into a story (default: the router's first proposal)" : 'reject a waiting report: it belongs to no story')
      .argument('<report>', 'the report id')
      .option('--inbox <name>', 'the inbox (default "default")')
      .option('--json', 'print as JSON');

  answer('accept')
    .option('--story <story>', 'a story id or slug, or "new" to open one for the report')
    .option('--reason <text>', 'why')
    .action(async (report: string, options) => {
      const reportId = parseReportId(report);
      const story: string | null = options.story === undefined ? null : options.story === 'new' ? 'new' : storyIdFromRef(options.story);
      const accepted = await commands((bus) => bus.execute(new ResolveRoutingCommand(parseInboxName(options.inbox, '--inbox'), reportId, { kind: 'accept', story, reason: options.reason ?? null }, context())));
      output(options.json, accepted, `${accepted.changed ? 'accepted' : 'already accepted'} report ${reportId} into story ${accepted.storyId}${accepted.opened ? ' (opened for it)' : ''}`);
    });

  answer('reject')
    .requiredOption('--reason <text>', 'why it belongs to no story')
    .action(async (report: string, options) => {
      const reportId = parseReportId(report);
      const rejected = await commands((bus) => bus.execute(new ResolveRoutingCommand(parseInboxName(options.inbox, '--inbox'), reportId, { kind: 'reject', reason: read.text(options.reason, '--reason', { max: 2_000 }).trim() }, context())));
      output(options.json, rejected, `${rejected.changed ? 'rejected' : 'already rejected'} report ${reportId}`);
    });

  inbox
    .command('policy')
    .description('how much the router may do in an inbox without an analyst')
    .requiredOption('--threshold <score>', 'a best score at or above it (0..1) joins the report at once; "never" waits always')
    .option('--inbox <name>', 'the inbox (default "default")')
    .option('--no-auto-open', 'a report matching no story waits for an analyst instead of opening one')
    .option('--json', 'print as JSON')
    .action(async (options) => {
      const threshold = options.threshold === 'never' ? null : Number.isNaN(Number(options.threshold)) ? options.threshold : Number(options.threshold);
      const policy = parseInboxPolicy({ inbox: options.inbox, threshold, autoOpen: options.autoOpen });
      const set = await commands((bus) => bus.execute(new SetInboxPolicyCommand(policy, context())));
      output(options.json, set, `inbox ${set.inbox}: threshold ${set.threshold ?? 'never'}, new stories ${set.autoOpen ? 'opened at once' : 'wait'}${set.changed ? '' : ' (unchanged)'}`);
    });
}
