import type { MigrationInterface } from 'typeorm';
import { CreateAuth1796310000000 } from './1796310000000-CreateAuth';
import { CreateConversations1796330000000 } from './1796330000000-CreateConversations';
import { CreateScenarios1796320000000 } from './1796320000000-CreateScenarios';
import { CreateStrengthAnalyses1796340000000 } from './1796340000000-CreateStrengthAnalyses';
import { CreateWatchQuizzes1796350000000 } from './1796350000000-CreateWatchQuizzes';

/** Every migration, oldest first. Listed by hand so the compiled and the test builds agree. */
export const MIGRATIONS: Array<new () => MigrationInterface> = [
  CreateAuth1796310000000,
  CreateScenarios1796320000000,
  CreateConversations1796330000000,
  CreateStrengthAnalyses1796340000000,
  CreateWatchQuizzes1796350000000,
];
