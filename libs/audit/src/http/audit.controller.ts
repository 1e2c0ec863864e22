import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiContract } from '@storyline/api-contract';
import { auditLogQuery, AuditLogPage as AuditLogPageSchema, verifyQuery, VerifyReport } from './schema';
import { RequireRole } from '@storyline/access';
import type { AuditLogPage } from '../audit-log/audit-log.reader';
import { AUDITED_LOG, type AuditedLog } from '../audited-log';
import { verifyChain, type VerifyReport as Verified } from '../chain/verify-chain';
import { hashParam, instantFilter, limitParam, onlyKnown, positionParam, storyFilter, textFilter, typeFilter, type QueryParams } from './params';

/** Tamper evidence and the audit log: auditors (and admins) only. */
@ApiTags('audit')
@RequireRole('auditor')
@Controller('audit')
export class AuditController {
  constructor(@Inject(AUDITED_LOG) private readonly audited: AuditedLog) {}

  @Get('verify')
  @ApiContract({ operationId: 'verifyAuditChain', summary: 'Verify the hash chain over the whole event log', query: verifyQuery, ok: { schema: VerifyReport } })
  verify(@Query() query: QueryParams): Promise<Verified> {
    onlyKnown(query, ['expectHead', 'expectHeadPosition']);
    const expectHead = hashParam(query, 'expectHead');
    const expectHeadPosition = positionParam(query, 'expectHeadPosition');
    return verifyChain(this.audited, { expectHead, expectHeadPosition });
  }

  @Get('log')
  @ApiContract({
    operationId: 'readAuditLog',
    summary: 'Every event with its metadata and hash, filtered and paged by position',
    query: auditLogQuery,
    ok: { schema: AuditLogPageSchema },
  })
  log(@Query() query: QueryParams): Promise<AuditLogPage> {
    onlyKnown(query, ['story', 'actor', 'type', 'from', 'to', 'after', 'limit']);
    return this.audited.page({
      streamId: storyFilter(query),
      actor: textFilter(query, 'actor', 200),
      type: typeFilter(query),
      from: instantFilter(query, 'from'),
      to: instantFilter(query, 'to'),
      after: positionParam(query, 'after') ?? 0n,
      limit: limitParam(query),
    });
  }
}
