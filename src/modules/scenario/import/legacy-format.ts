import { basename } from 'node:path';
import { parse } from 'yaml';
import { CATEGORIES, type ScenarioContent } from '../domain/scenario-content';
import {
  categoryFrom,
  depictsHarassment,
  difficultyFrom,
  isHarassmentMaterial,
  learnerIsManager,
  localeOf,
  parseRoleInfo,
} from './legacy-rules';

/**
 * Reader of the original application's scenario YAML, in its three shapes: one scenario per file (the id is the
 * file name), the same with reverse-role fields, and list files with a top-level `scenarios:` list of items with ids.
 */

export interface LegacyItem {
  /** Stable upsert key: `legacy:<file>#<id>`. */
  key: string;
  id: string;
  title?: string;
  content?: ScenarioContent;
  /** Why this scenario cannot be imported. */
  error?: string;
}

export type LegacyFile = { items: LegacyItem[]; error?: undefined } | { items?: undefined; error: string };

class FormatError extends Error {}

type Fields = Record<string, unknown>;

export function readLegacyFile(fileName: string, text: string): LegacyFile {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (e) {
    return { error: `not valid YAML: ${firstLine((e as Error).message)}` };
  }
  if (!isFields(doc)) return { error: 'expected a scenario or a `scenarios:` list at the top level' };
  const file = basename(fileName);
  if ('scenarios' in doc) {
    if (!Array.isArray(doc.scenarios)) return { error: '`scenarios` must be a list' };
    const seen = new Set<string>();
    return {
      items: doc.scenarios.map((entry: unknown, index): LegacyItem => {
        const id = isFields(entry) && isText(entry.id) ? entry.id.trim() : undefined;
        if (!id)
          return {
            key: `legacy:${file}#${index + 1}`,
            id: String(index + 1),
            error: `item ${index + 1} has no id`,
          };
        const item = readItem(file, id, entry as Fields);
        if (seen.has(id)) return { ...item, content: undefined, error: `id "${id}" appears more than once` };
        seen.add(id);
        return item;
      }),
    };
  }
  return { items: [readItem(file, file.replace(/\.ya?ml$/i, ''), doc)] };
}

function readItem(file: string, id: string, fields: Fields): LegacyItem {
  const key = `legacy:${file}#${id}`;
  const title = isText(fields.title) ? fields.title.trim() : undefined;
  try {
    return { key, id, title, content: toContent(file, id, fields) };
  } catch (e) {
    if (e instanceof FormatError) return { key, id, title, error: e.message };
    throw e;
  }
}

function toContent(file: string, id: string, f: Fields): ScenarioContent {
  const title = requiredText(f, 'title');
  const description = requiredText(f, 'description');
  const difficultyWord = requiredText(f, 'difficulty');
  const difficulty = difficultyFrom(difficultyWord);
  if (!difficulty) {
    throw new FormatError(
      `difficulty "${difficultyWord}" is not one of 初級, 中級, 上級, beginner, intermediate, advanced`,
    );
  }
  const tags = optionalTextList(f, 'tags');
  const { aiRole, userRole } = rolesOf(f);
  const setting = isFields(f.character_setting) ? f.character_setting : {};
  const personaName =
    isFields(f.ai_personality) && isText(f.ai_personality.name) ? f.ai_personality.name.trim() : '';
  const traits = isFields(f.ai_personality) ? optionalTextList(f.ai_personality, 'traits') : [];
  const category = isText(f.category) ? f.category : undefined;
  const harassment = isHarassmentMaterial({ fileName: file, id, category });
  return {
    title,
    description,
    difficulty,
    category: harassment
      ? 'harassment-prevention'
      : categoryFrom({ category, texts: [...tags, title, aiRole] }, CATEGORIES),
    tags,
    locale: localeOf(`${title} ${description}`),
    sensitive: harassment || depictsHarassment([title, ...tags]),
    roleType: f.role_type === 'reverse' || learnerIsManager(aiRole, userRole) ? 'reverse' : 'standard',
    aiRole,
    userRole,
    character: {
      ...(personaName ? { name: personaName } : {}),
      personality: textOf(setting.personality) || traits.join('、') || aiRole,
      speakingStyle: textOf(setting.speaking_style),
      situation:
        textOf(setting.situation) || textOf(f.initial_context) || textOf(f.initial_situation) || description,
      initialApproach: textOf(setting.initial_approach),
    },
    learningPoints: requiredTextList(f, 'learning_points'),
    feedbackPoints: requiredTextList(f, 'feedback_points'),
  };
}

/** Explicit `ai_role` / `user_role` win over the combined `role_info` sentence. */
function rolesOf(f: Fields): { aiRole: string; userRole: string } {
  const fromInfo = isText(f.role_info) ? parseRoleInfo(f.role_info) : undefined;
  const aiRole = textOf(f.ai_role) || fromInfo?.aiRole;
  const userRole = textOf(f.user_role) || fromInfo?.userRole;
  if (!aiRole || !userRole) {
    throw new FormatError(
      isText(f.role_info)
        ? `role_info "${f.role_info.trim()}" does not read "AIは<role>、あなたは<role>"`
        : 'role_info (or ai_role and user_role) is missing',
    );
  }
  return { aiRole, userRole };
}

function requiredText(f: Fields, field: string): string {
  const value = textOf(f[field]);
  if (!value) throw new FormatError(`${field} is missing`);
  return value;
}

function requiredTextList(f: Fields, field: string): string[] {
  const list = optionalTextList(f, field);
  if (list.length === 0) throw new FormatError(`${field} must be a non-empty list`);
  return list;
}

function optionalTextList(f: Fields, field: string): string[] {
  const value = f[field];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every((v) => isText(v) || typeof v === 'number')) {
    throw new FormatError(`${field} must be a list of texts`);
  }
  return value.map((v) => String(v).trim()).filter(Boolean);
}

// Folded YAML blocks (`>`) join lines with a space, which Japanese text never has between two of its characters.
const JA = String.raw`[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff01-\uff60]`;
const FOLDED_SPACE = new RegExp(`(?<=${JA}) (?=${JA})`, 'gu');

/** Trims the newline block scalars end with; a bare number (a tag such as 2024) counts as text. */
function textOf(value: unknown): string {
  if (typeof value === 'number') return String(value);
  return isText(value) ? value.trim().replace(FOLDED_SPACE, '') : '';
}

function isText(value: unknown): value is string {
  return typeof value === 'string';
}

function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function firstLine(message: string): string {
  return message.split('\n')[0];
}
