/** The vocabulary of a scenario, shared by the API, the built-in library and the importer. */
export const DIFFICULTIES = ['beginner', 'intermediate', 'advanced'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

/** The categories of the built-in library and of imports; authors may name others of their own. */
export const CATEGORIES = [
  'reporting',
  'feedback',
  'meetings',
  'customer',
  'conflict',
  'small-talk',
  'remote-work',
  'harassment-prevention',
] as const;
export type Category = string;

export const CATEGORY_DESCRIPTION = `Free text of 1 to 50 characters; the built-in library uses ${CATEGORIES.join(', ')}.`;

export const LOCALES = ['ja', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** `reverse`: the learner plays the manager and the AI plays the report. */
export const ROLE_TYPES = ['standard', 'reverse'] as const;
export type RoleType = (typeof ROLE_TYPES)[number];

export const VISIBILITIES = ['public', 'private'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** Where a row came from: the shipped library, an operator import, or a user through the API. */
export type ScenarioSource = 'builtin' | 'import' | 'user';

export interface Character {
  name?: string;
  personality: string;
  speakingStyle: string;
  situation: string;
  /** The character's opening line. Empty when the source had none (some imported scenarios). */
  initialApproach: string;
}

/** Everything that describes a scenario, without identity, ownership or timestamps. */
export interface ScenarioContent {
  title: string;
  description: string;
  difficulty: Difficulty;
  category: Category;
  tags: string[];
  locale: Locale;
  sensitive: boolean;
  roleType: RoleType;
  aiRole: string;
  userRole: string;
  character: Character;
  learningPoints: string[];
  feedbackPoints: string[];
}

/** Harassment-prevention material always asks for the learner's consent before it starts. */
export function isSensitive(category: Category, requested: boolean | undefined): boolean {
  return category === 'harassment-prevention' || requested === true;
}
