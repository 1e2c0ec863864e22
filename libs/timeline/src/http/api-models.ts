import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MODALITIES, PRECISIONS, SOURCE_KINDS } from '@storyline/story-events';

/*
 * Shapes for the OpenAPI document. Input is checked by the domain's parsers (one set of
 * rules for API, CLI and loader); these classes only describe it.
 */

export class OpenStoryBody {
  @ApiProperty({ example: 'witkoff-back-channel', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', maxLength: 80 }) slug: string;
  @ApiProperty({ example: 'Witkoff back-channel talks', maxLength: 200 }) title: string;
}

export class StoryAnswer {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() slug: string;
  @ApiPropertyOptional() title?: string;
}

export class EvidenceBody {
  @ApiPropertyOptional({ description: 'UTF-16 offset of the first character in the report text' }) start?: number;
  @ApiPropertyOptional({ description: 'offset one past the last character' }) end?: number;
  @ApiPropertyOptional({ description: 'instead of offsets: text that occurs exactly once in the report' }) quote?: string;
}

export class OccurredBody {
  @ApiPropertyOptional({ format: 'date-time', nullable: true }) from?: string | null;
  @ApiPropertyOptional({ format: 'date-time', nullable: true }) to?: string | null;
  @ApiProperty({ enum: PRECISIONS }) precision: string;
}

export class FactBody {
  @ApiProperty({ maxLength: 2000 }) statement: string;
  @ApiProperty({ type: EvidenceBody }) evidence: EvidenceBody;
  @ApiPropertyOptional({ nullable: true, description: 'whom the report says said it; null for the outlet itself' }) attributedTo?: string | null;
  @ApiPropertyOptional({ enum: MODALITIES, default: 'asserted' }) modality?: string;
  @ApiPropertyOptional({ type: OccurredBody, nullable: true }) occurred?: OccurredBody | null;
}

export class ReportBody {
  @ApiProperty({ example: 'Newshub Editorial in Europe' }) outlet: string;
  @ApiProperty({ format: 'date-time', example: '2025-11-27T00:00:00Z' }) publishedAt: string;
  @ApiPropertyOptional() headline?: string;
  @ApiPropertyOptional() byline?: string;
  @ApiPropertyOptional() dateline?: string;
  @ApiPropertyOptional({ format: 'uri' }) url?: string;
  @ApiProperty({ maxLength: 200000 }) text: string;
  @ApiPropertyOptional({ type: [FactBody] }) facts?: FactBody[];
}

export class ReportAnswer {
  @ApiProperty({ format: 'uuid' }) reportId: string;
  @ApiProperty({ type: [String] }) factIds: string[];
  @ApiProperty({ type: Number, description: 'global log position of the report\'s last event' }) position: bigint;
  @ApiPropertyOptional({ nullable: true, description: 'the outlet as given or found in the text; null when unknown' }) outlet?: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'publication time as given or found in the text; null when unknown' }) publishedAt?: string | null;
  @ApiProperty({ enum: ['applied', 'timeout', 'projector-failed'], description: 'whether the read models showed this write before the answer (also the Storyline-Read-Your-Writes header); the write is stored either way' })
  readYourWrites: 'applied' | 'timeout' | 'projector-failed';
  @ApiProperty({ description: "where the links proposed between this report's facts and earlier ones appear, shortly after the report (the link-proposal reactor follows the log)", example: '/stories/2b0c…/link-proposals?status=proposed' }) proposals: string;
}

export class RegisterSourceBody {
  @ApiProperty({ example: 'Politico' }) name: string;
  @ApiPropertyOptional({ enum: SOURCE_KINDS, default: 'other' }) kind?: string;
  @ApiPropertyOptional({ type: [String], example: ['POLITICO', 'Politico Europe'] }) aliases?: string[];
}

export class AddAliasBody {
  @ApiProperty({ example: 'Politico EU' }) alias: string;
}

export class SourceAnswerModel {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: [String] }) aliases: string[];
  @ApiProperty({ type: Number }) position: bigint;
}

export class ErrorModel {
  @ApiProperty({ example: { code: 'VALIDATION.INVALID', message: 'facts[0].evidence.end: must be greater than start (10), got 4', field: 'facts[0].evidence.end' } })
  error: { code: string; message: string; field?: string };
}

/** The `changes` of an amendment or a correction, for the OpenAPI document. */
export const FACT_CHANGES_SCHEMA = {
  type: 'object',
  description: 'at least one of statement, attributedTo, modality, occurred, evidence {start, end}',
  additionalProperties: false,
  properties: {
    statement: { type: 'string' },
    attributedTo: { type: 'string', nullable: true },
    modality: { type: 'string', enum: ['asserted', 'reportedly', 'allegedly', 'quoted_opinion', 'speculation', 'denial'] },
    occurred: { type: 'object', nullable: true },
    evidence: { type: 'object', properties: { start: { type: 'integer' }, end: { type: 'integer' } } },
  },
};
