import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiQuery,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { CurrentUser, RequirePermissions, type Principal } from '../auth';
import { CreateScenarioDto } from './dto/create-scenario.dto';
import { ListScenariosQuery } from './dto/list-scenarios.query';
import { ScenarioDto, ScenarioPageDto } from './dto/scenario.dto';
import { UpdateScenarioDto } from './dto/update-scenario.dto';
import { ScenarioService } from './scenario.service';

const ID_OR_SLUG = {
  name: 'idOrSlug',
  description: 'The scenario id (UUID) or its slug (percent-encoded when it has non-ASCII letters).',
};
const NOT_VISIBLE = 'NOT_FOUND: no such scenario, deleted, or a private scenario of another user.';

@ApiTags('scenarios')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'UNAUTHORIZED: missing, invalid, expired or revoked access token.' })
@Controller('scenarios')
export class ScenarioController {
  constructor(private readonly scenarios: ScenarioService) {}

  @Get()
  @RequirePermissions('scenario:read')
  @ApiOperation({
    summary: 'List scenarios',
    description:
      "Public scenarios plus the caller's own private ones; admins see every scenario. Deleted scenarios never appear. " +
      'Ordered beginner → advanced, then by title.',
  })
  @ApiQuery({ name: 'page', required: false, schema: { type: 'integer', minimum: 1, default: 1 } })
  @ApiQuery({
    name: 'limit',
    required: false,
    schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
  })
  @ApiOkResponse({ type: ScenarioPageDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: an unknown filter value or page bounds.' })
  list(@Query() query: ListScenariosQuery, @CurrentUser() principal: Principal): Promise<ScenarioPageDto> {
    return this.scenarios.list(query, principal);
  }

  @Get(':idOrSlug')
  @RequirePermissions('scenario:read')
  @ApiOperation({ summary: 'Get a scenario by id or slug' })
  @ApiParam(ID_OR_SLUG)
  @ApiOkResponse({ type: ScenarioDto })
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
  get(@Param('idOrSlug') idOrSlug: string, @CurrentUser() principal: Principal): Promise<ScenarioDto> {
    return this.scenarios.get(idOrSlug, principal);
  }

  @Post()
  @RequirePermissions('scenario:create')
  @ApiOperation({
    summary: 'Create a scenario',
    description:
      'The new scenario is private to its creator unless an admin sets `visibility: "public"`. ' +
      'Harassment-prevention scenarios are always sensitive.',
  })
  @ApiCreatedResponse({ type: ScenarioDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED' })
  @ApiForbiddenResponse({
    description: 'FORBIDDEN: the role lacks scenario:create, or a non-admin asked for "public".',
  })
  @ApiConflictResponse({ description: 'SLUG_TAKEN: the explicit slug is already in use.' })
  create(@Body() body: CreateScenarioDto, @CurrentUser() principal: Principal): Promise<ScenarioDto> {
    return this.scenarios.create(body, principal);
  }

  @Patch(':id')
  @RequirePermissions('scenario:read')
  @ApiOperation({
    summary: 'Update a scenario',
    description:
      'Allowed to the creator and to holders of scenario:update. Only the given fields change; arrays replace the ' +
      'stored ones and `character` fields are merged. A slug is accepted in place of the id.',
  })
  @ApiParam({ ...ID_OR_SLUG, name: 'id' })
  @ApiOkResponse({ type: ScenarioDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED' })
  @ApiForbiddenResponse({
    description:
      'FORBIDDEN: a visible scenario the caller may not change, or a non-admin asked for "public".',
  })
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
  @ApiConflictResponse({ description: 'SLUG_TAKEN: the new slug is already in use.' })
  update(
    @Param('id') id: string,
    @Body() body: UpdateScenarioDto,
    @CurrentUser() principal: Principal,
  ): Promise<ScenarioDto> {
    return this.scenarios.update(id, body, principal);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermissions('scenario:read')
  @ApiOperation({
    summary: 'Delete a scenario',
    description:
      'Allowed to the creator and to holders of scenario:delete. The scenario leaves the catalogue and cannot be ' +
      'started again; conversations already started from it keep working. Its slug stays reserved.',
  })
  @ApiParam({ ...ID_OR_SLUG, name: 'id' })
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: a visible scenario the caller may not delete.' })
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
  remove(@Param('id') id: string, @CurrentUser() principal: Principal): Promise<void> {
    return this.scenarios.remove(id, principal);
  }
}
