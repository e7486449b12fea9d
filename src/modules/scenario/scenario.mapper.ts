import { isSensitive, type Character, type ScenarioContent } from './domain/scenario-content';
import type { CreateScenarioDto } from './dto/create-scenario.dto';
import type { CharacterDto, ScenarioDto, ScenarioSummaryDto } from './dto/scenario.dto';
import type { ScenarioEntity } from './scenario.entity';

function toCharacterDto(c: Character): CharacterDto {
  const base = {
    personality: c.personality,
    speakingStyle: c.speakingStyle,
    situation: c.situation,
    initialApproach: c.initialApproach,
  };
  return c.name ? { name: c.name, ...base } : base;
}

/** The API shape of a row; plain data, so it survives a trip through the cache unchanged. */
export function toScenarioDto(e: ScenarioEntity): ScenarioDto {
  return {
    id: e.id,
    slug: e.slug,
    title: e.title,
    description: e.description,
    difficulty: e.difficulty,
    category: e.category,
    tags: [...e.tags],
    locale: e.locale,
    sensitive: e.sensitive,
    roleType: e.roleType,
    aiRole: e.aiRole,
    userRole: e.userRole,
    character: toCharacterDto(e.character),
    learningPoints: [...e.learningPoints],
    feedbackPoints: [...e.feedbackPoints],
    visibility: e.visibility,
    createdBy: e.createdBy,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}

/** A Scenario without its character, as lists, conversation starts and reports show it. */
export function toSummary(scenario: ScenarioDto): ScenarioSummaryDto {
  const { character: _character, ...summary } = scenario;
  return summary;
}

/** The content a create request (or a library file) describes, with the defaults of the contract applied. */
export function contentFromInput(input: CreateScenarioDto): ScenarioContent {
  const { name, personality, speakingStyle, situation, initialApproach } = input.character;
  return {
    title: input.title,
    description: input.description,
    difficulty: input.difficulty,
    category: input.category,
    tags: input.tags ?? [],
    locale: input.locale,
    sensitive: isSensitive(input.category, input.sensitive),
    roleType: input.roleType ?? 'standard',
    aiRole: input.aiRole ?? '',
    userRole: input.userRole ?? '',
    character: { ...(name ? { name } : {}), personality, speakingStyle, situation, initialApproach },
    learningPoints: input.learningPoints,
    feedbackPoints: input.feedbackPoints,
  };
}
