import { Body, Controller, Get, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiContract, parseWith } from '@storyline/api-contract';
import { ApiKeyList, CreatedApiKey as CreatedApiKeySchema, createKeyBody, keyParams, RevokedKey } from '../http/schema';
import { API_KEYS, RequireRole, type ApiKeys, type ApiKeySummary, type CreatedApiKey } from '@storyline/access';
import { DomainError } from '@storyline/story-events';
import { parseCreateKey } from './create-key-request';
import type { AuthenticatedRequest } from '../http/auth.guard';

/** Key management: admins only. A new key's secret is in the 201 answer and nowhere else. */
@ApiTags('keys')
@RequireRole('admin')
@Controller('keys')
export class KeysController {
  constructor(@Inject(API_KEYS) private readonly keys: ApiKeys) {}

  @Post()
  @HttpCode(201)
  @ApiContract({ operationId: 'createKey', summary: 'Create an API key (its secret is shown once)', body: { schema: createKeyBody }, ok: { status: 201, schema: CreatedApiKeySchema } })
  create(@Body() body: unknown, @Req() request: AuthenticatedRequest): Promise<CreatedApiKey> {
    const { name, role } = parseCreateKey(body);
    return this.keys.create(name, role, request.actor ?? 'unknown');
  }

  @Get()
  @ApiContract({ operationId: 'listKeys', summary: 'The API keys (no secrets)', ok: { schema: ApiKeyList } })
  async list(): Promise<{ keys: ApiKeySummary[] }> {
    return { keys: await this.keys.list() };
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @ApiContract({ operationId: 'revokeKey', summary: 'Revoke an API key', params: keyParams, ok: { schema: RevokedKey }, errors: { 404: 'no such key (KEY.NOT_FOUND)' } })
  async revoke(@Param('id') id: string): Promise<{ id: string; revoked: true }> {
    parseWith(keyParams, { id });
    if (!(await this.keys.revoke(id))) throw new DomainError('KEY.NOT_FOUND', `no key has the id ${id}`, 'id');
    return { id, revoked: true };
  }
}
