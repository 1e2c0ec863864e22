export * from './command-handling/command-context';
export type { Decide, Decision, DecisionContext } from './command-handling/decider';
export { StreamDecider, type StreamDeciderOptions } from './command-handling/stream-decider';
export { runCommand } from './command-handling/run-command';
export { storyFold, sourceFold } from './command-handling/folds';
export { emptyStoryState, evolveStory, type StoryState } from './command-handling/story-state';
export { evolveSource, initialSourceState, type SourceState } from './command-handling/source-state';
export { LIMITS } from './command-handling/input';
export type { FactChangedAnswer } from './command-handling/fact-change';
export type { SourceAnswer } from './command-handling/sources';
export * from './read-model-sync';
export * from './fact-locator';
export * from './membership-locator';
export * from './timeline.module';
export * from './http/write-outcome';

// One block per command (commands/<command>/): its command, its request parser, its decider.
export * from './commands/open-story/command';
export { parseOpenStory } from './commands/open-story/request';
export { decideOpenStory, type OpenStory } from './commands/open-story/decide';

export * from './commands/ingest-report/command';
export { parseReport, parseFact, parseEvidence, parseRawHints } from './commands/ingest-report/request';
export { submissionFingerprint, type ReportSubmission, type FactSubmission } from './commands/ingest-report/submission';
export * from './commands/ingest-report/raw-text';
export { decideIngestReport, type IngestReport, type IngestOutcome } from './commands/ingest-report/decide';

export * from './commands/amend-fact/command';
export { parseAmendment, type Amendment } from './commands/amend-fact/request';
export { decideAmendFact } from './commands/amend-fact/decide';

export * from './commands/correct-fact/command';
export { parseCorrection, type Correction } from './commands/correct-fact/request';
export { decideCorrectFact } from './commands/correct-fact/decide';

export * from './commands/retract-fact/command';
export { parseRetraction, type Retraction } from './commands/retract-fact/request';
export { decideRetractFact } from './commands/retract-fact/decide';

export * from './commands/record-verdict/command';
export { parseVerdict, type VerdictRequest } from './commands/record-verdict/request';
export { decideRecordVerdict } from './commands/record-verdict/decide';

export * from './commands/link-facts/command';
export { parseLink, type LinkRequest } from './commands/link-facts/request';
export { decideLinkFacts, type LinkFacts } from './commands/link-facts/decide';

export * from './commands/resolve-link-proposal/command';
export { parseResolution, type ProposalDecision } from './commands/resolve-link-proposal/request';
export { decideResolveLinkProposal, type ResolveLinkProposal } from './commands/resolve-link-proposal/decide';

export * from './commands/register-source/command';
export { parseRegisterSource, type SourceRegistration } from './commands/register-source/request';
export { decideRegisterSource, type RegisterSource } from './commands/register-source/decide';

export * from './commands/add-source-alias/command';
export { parseAlias } from './commands/add-source-alias/request';
export { decideAddSourceAlias, type AddSourceAlias } from './commands/add-source-alias/decide';

export * from './command-handling/inbox-state';
export * from './commands/ingest-report/to-inbox/command';
export { parseInboxName, DEFAULT_INBOX, INBOX_NAME } from './http/inbox-ref';
export type { SendToInbox, SentToInbox } from './commands/ingest-report/to-inbox/request';
export { decideSendToInbox } from './commands/ingest-report/to-inbox/decide';
// The handlers themselves too: the routing evaluation drives them without an HTTP server.
export { SendToInboxHandler } from './commands/ingest-report/to-inbox/handler';

export * from './commands/set-inbox-policy/command';
export { parseInboxPolicy, type SetInboxPolicy } from './commands/set-inbox-policy/request';
export { decideSetInboxPolicy, NEVER_JOIN } from './commands/set-inbox-policy/decide';
export { SetInboxPolicyHandler } from './commands/set-inbox-policy/handler';

export * from './commands/resolve-routing/command';
export { parseReportId, parseRoutingAnswer, type ResolveRouting, type RoutingResolved } from './commands/resolve-routing/request';
export { decideResolveRouting } from './commands/resolve-routing/decide';
export { storyIdFromRef } from './http/story-ref';
// Membership: merge, split, move, rename (docs/routing.md).
export type { MembershipAnswer } from './command-handling/membership';
export * from './commands/merge-stories/command';
export { parseMergeStories } from './commands/merge-stories/request';
export { decideMergeStories, type MergeStories } from './commands/merge-stories/decide';

export * from './commands/split-reports/command';
export { parseSplitReports } from './commands/split-reports/request';
export { decideSplitReports, type SplitReports } from './commands/split-reports/decide';

export * from './commands/move-report/command';
export { parseMoveReport } from './commands/move-report/request';
export { decideMoveReport, type MoveReport } from './commands/move-report/decide';

export * from './commands/rename-story/command';
export { parseRenameStory } from './commands/rename-story/request';
export { decideRenameStory, type RenameStory } from './commands/rename-story/decide';
export * from './commands/resolve-source-alias-proposal/command';
export { aliasProposalIdFromParam, parseAliasResolution, type AliasProposalDecision, type AliasResolutionRequest } from './commands/resolve-source-alias-proposal/request';
export { decideAliasFromProposal, decideResolveSourceAliasProposal, type AliasFromProposal, type ResolveSourceAliasProposal } from './commands/resolve-source-alias-proposal/decide';
