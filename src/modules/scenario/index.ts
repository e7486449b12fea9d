export { ScenarioModule } from './scenario.module';
export { ScenarioService } from './scenario.service';
export { ScenarioDto, ScenarioSummaryDto, CharacterDto } from './dto/scenario.dto';
export { toSummary, toSummary as toScenarioSummary } from './scenario.mapper';
export {
  CATEGORIES,
  DIFFICULTIES,
  LOCALES,
  ROLE_TYPES,
  type Category,
  type Difficulty,
  type Locale,
  type RoleType,
} from './domain/scenario-content';
export { importScenariosCommand } from './import/import-scenarios.command';
