import { ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import { CharacterInputDto, CreateScenarioDto } from './create-scenario.dto';

export class CharacterPatchDto extends PartialType(CharacterInputDto) {}

/** Every field optional; arrays replace the stored ones, `character` fields are merged into the stored character. */
export class UpdateScenarioDto extends PartialType(OmitType(CreateScenarioDto, ['character'] as const)) {
  @ApiPropertyOptional({ type: CharacterPatchDto, description: 'Only the given character fields change.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => CharacterPatchDto)
  character?: CharacterPatchDto;
}
