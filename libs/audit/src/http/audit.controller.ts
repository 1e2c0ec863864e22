import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { RequireRole } from '@storyline/access';
import type { AuditLogPage } from '../audit-log/audit-log.reader';
import { AUDITED_LOG, type AuditedLog } from '../audited-log';
import { verifyChain, type VerifyReport } from '../chain/verify-chain';
import { hashParam, instantFilter, limitParam, onlyKnown, positionParam, storyFilter, textFilter, typeFilter, type QueryParams } from './params';

/** Tamper evidence and the audit log: auditors (and admins) only. */
@ApiTags('audit')
@RequireRole('auditor')
@Controller('audit')
export class AuditController {
  constructor(@Inject(AUDITED_LOG) private readonly audited: AuditedLog) {}

  @Get('verify')
  @ApiOperation({ summary: 'Verify the hash chain over the whole event log' })
  @ApiQuery({ name: 'expectHead', required: false, description: 'a head hash kept elsewhere: the log must still contain it' })
  @ApiQuery({ name: 'expectHeadPosition', required: false, description: 'the position kept with that hash' })
  @ApiOkResponse({ description: '{ok, checked, headHash, headPosition, firstBadPosition?, problem?: changed|missing|inserted|reordered|head-mismatch, detail?}' })
  verify(@Query() query: QueryParams): Promise<VerifyReport> {
    onlyKnown(query, ['expectHead', 'expectHeadPosition']);
    const expectHead = hashParam(query, 'expectHead');
    const expectHeadPosition = positionParam(query, 'expectHeadPosition');
    return verifyChain(this.audited, { expectHead, expectHeadPosition });
  }

  @Get('log')
  @ApiOperation({ summary: 'Every event with its metadata and hash, filtered and paged by position' })
  @ApiQuery({ name: 'story', required: false, description: 'story id or slug' })
  @ApiQuery({ name: 'actor', required: false })
  @ApiQuery({ name: 'type', required: false, description: 'event type, e.g. FactReported' })
  @ApiQuery({ name: 'from', required: false, description: 'recorded at or after (ISO-8601)' })
  @ApiQuery({ name: 'to', required: false, description: 'recorded before (ISO-8601)' })
  @ApiQuery({ name: 'after', required: false, description: 'events after this global position' })
  @ApiQuery({ name: 'limit', required: false, description: '1 to 1000 (default 100)' })
  @ApiOkResponse({ description: '{events: [{position, eventId, streamId, type, schemaVersion, recordedAt, actor, correlationId, causationId, idempotencyKey, data, metadata, hash}], next}' })
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
