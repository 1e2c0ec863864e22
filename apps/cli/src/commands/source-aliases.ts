import type { INestApplicationContext } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ListSourceAliasProposalsQuery, resolveStory, StoriesReader, type SourceAliasProposalView } from '@storyline/projections';
import { answerToJson, newId, read } from '@storyline/story-events';
import {
  aliasProposalIdFromParam,
  parseAliasResolution,
  ResolveSourceAliasProposalCommand,
  type AliasProposalDecision,
  type AliasProposalResolvedAnswer,
  type CommandContext,
} from '@storyline/timeline';
import { Command } from 'commander';
import { userInfo } from 'node:os';
import { withStoryline } from '../cli-context';

type Print = (line: string) => void;

const STATUSES = ['proposed', 'accepted', 'rejected'] as const;

function context(): CommandContext {
  const commandId = newId();
  return { actor: `cli:${userInfo().username}`, correlationId: commandId, commandId, idempotencyKey: null, expectedRevision: null };
}

export function formatProposals(proposals: readonly SourceAliasProposalView[]): string {
  if (proposals.length === 0) return 'no source-alias proposals';
  return proposals.map((proposal) => `${proposal.proposalId}  ${proposal.status.padEnd(8)} "${proposal.alias}" → "${proposal.canonical}"  (${proposal.rule}, ${proposal.score})`).join('\n');
}

export async function listProposals(app: INestApplicationContext, story: string, status: string | undefined): Promise<SourceAliasProposalView[]> {
  const wanted = status === undefined ? undefined : read.oneOf(status, 'status', STATUSES);
  return (await app.get(QueryBus).execute(new ListSourceAliasProposalsQuery(story, wanted))).proposals;
}

export async function resolveProposal(
  app: INestApplicationContext,
  story: string,
  proposalId: string,
  decision: AliasProposalDecision,
  options: { reason?: string; source?: string },
): Promise<AliasProposalResolvedAnswer> {
  const { reason, sourceId } = parseAliasResolution(decision === 'rejected' ? { reason: options.reason } : { reason: options.reason, source: options.source }, decision);
  const found = await resolveStory(app.get(StoriesReader), story);
  return app.get(CommandBus).execute(new ResolveSourceAliasProposalCommand(found.id, aliasProposalIdFromParam(proposalId), decision, reason, sourceId, context()));
}

/**
 * `storyline source-aliases list|accept|reject`: the analyst's queue of source aliases proposed
 * across a story's reports and the answers to it, with the same checks and codes as
 * `/stories/{story}/source-alias-proposals`.
 */
export function registerSourceAliasCommands(cli: Command, print: Print): void {
  const aliases = cli.command('source-aliases').description('source aliases proposed across reports: list, accept, reject');
  aliases
    .command('list')
    .description("a story's source-alias proposals, in the order proposed")
    .argument('<story>', 'slug or id')
    .option('--status <status>', 'only proposed, accepted or rejected ones')
    .option('--json', 'print {proposals: [...]} as JSON')
    .action(async (story: string, options) => {
      const proposals = await withStoryline((app) => listProposals(app, story, options.status));
      print(options.json ? answerToJson({ proposals }, 2) : formatProposals(proposals));
    });
  for (const [name, decision] of [['accept', 'accepted'], ['reject', 'rejected']] as const) {
    const command = aliases
      .command(name)
      .description(decision === 'accepted' ? 'accept a proposal: its alias is added to the source' : 'reject a proposal, saying why')
      .argument('<story>', 'slug or id')
      .argument('<proposal>', 'the proposal id')
      .option('--json', 'print the answer as JSON');
    if (decision === 'accepted') command.option('--reason <reason>', 'why (optional)').option('--source <source>', 'registered source (id or name) to add the alias to');
    else command.requiredOption('--reason <reason>', 'why');
    command.action(async (story: string, proposalId: string, options) => {
      const answer = await withStoryline((app) => resolveProposal(app, story, proposalId, decision, options));
      if (options.json) return print(answerToJson(answer, 2));
      print(`${answer.changed ? decision : `already ${decision}`}: ${answer.proposalId}${answer.sourceId ? ` (source ${answer.sourceId})` : ''}, position ${answer.position}`);
    });
  }
}
