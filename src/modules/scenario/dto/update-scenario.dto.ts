import { ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, ValidateNested } from 'class-validator';
import { IsOmittable } from '../../../platform/http/validation';
import { CharacterInputDto, CreateScenarioDto } from './create-scenario.dto';

// A field may be left out; `null` is refused like any other wrong value.
const ALLOW_ONLY_MISSING = { skipNullProperties: false };

export class CharacterPatchDto extends PartialType(CharacterInputDto, ALLOW_ONLY_MISSING) {}

/** Every field optional; arrays replace the stored ones, `character` fields are merged into the stored character. */
export class UpdateScenarioDto extends PartialType(
  OmitType(CreateScenarioDto, ['character'] as const),
  ALLOW_ONLY_MISSING,
) {
  @ApiPropertyOptional({ type: CharacterPatchDto, description: 'Only the given character fields change.' })
  @IsOmittable()
  @IsObject()
  @ValidateNested()
  @Type(() => CharacterPatchDto)
  character?: CharacterPatchDto;
}
