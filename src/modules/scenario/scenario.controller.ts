import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { ApiErrors, ApiSignedInErrors } from '../../platform/http/api-responses';
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
@ApiSignedInErrors()
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
  @ApiOkResponse({ type: ScenarioPageDto })
  @ApiErrors({ 400: 'VALIDATION_FAILED: an unknown filter value or page bounds.' })
  list(@Query() query: ListScenariosQuery, @CurrentUser() principal: Principal): Promise<ScenarioPageDto> {
    return this.scenarios.list(query, principal);
  }

  @Get(':idOrSlug')
  @RequirePermissions('scenario:read')
  @ApiOperation({ summary: 'Get a scenario by id or slug' })
  @ApiParam(ID_OR_SLUG)
  @ApiOkResponse({ type: ScenarioDto })
  @ApiErrors({ 404: NOT_VISIBLE })
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
  @ApiErrors({
    400: 'VALIDATION_FAILED',
    403: 'FORBIDDEN: the role lacks scenario:create, or a non-admin asked for "public".',
    409: 'SLUG_TAKEN: the explicit slug is already in use.',
  })
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
  @ApiErrors({
    400: 'VALIDATION_FAILED',
    403: 'FORBIDDEN: a visible scenario the caller may not change, or a non-admin asked for "public".',
    404: NOT_VISIBLE,
    409: 'SLUG_TAKEN: the new slug is already in use.',
  })
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
  @ApiErrors({ 403: 'FORBIDDEN: a visible scenario the caller may not delete.', 404: NOT_VISIBLE })
  remove(@Param('id') id: string, @CurrentUser() principal: Principal): Promise<void> {
    return this.scenarios.remove(id, principal);
  }
}
