import type { Category, Difficulty, Locale } from '../domain/scenario-content';

/**
 * Rules for reading the original application's scenario files, which say less than our Scenario shape:
 * their difficulty words, the categories implied by their tags and titles, and which of them ask for consent.
 */

const DIFFICULTY_WORDS: Record<string, Difficulty> = {
  初級: 'beginner',
  初心者: 'beginner',
  入門: 'beginner',
  beginner: 'beginner',
  easy: 'beginner',
  basic: 'beginner',
  中級: 'intermediate',
  intermediate: 'intermediate',
  medium: 'intermediate',
  上級: 'advanced',
  advanced: 'advanced',
  hard: 'advanced',
  expert: 'advanced',
};

export function difficultyFrom(word: string): Difficulty | undefined {
  return DIFFICULTY_WORDS[word.trim().toLowerCase()];
}

/** The original application asked for consent before these, whatever their files say (its harassment series). */
const CONSENT_SERIES = /^scenario(3[1-9]|4[0-3])$/;
const HARASSMENT = /harass|ハラスメント/i;

export interface HarassmentHints {
  fileName: string;
  id: string;
  category?: string;
}

/** Harassment-prevention material: a harassment category, an item of a harassment list file, or the consent series. */
export function isHarassmentMaterial({ fileName, id, category }: HarassmentHints): boolean {
  return (
    (category !== undefined && HARASSMENT.test(category)) ||
    HARASSMENT.test(fileName) ||
    CONSENT_SERIES.test(id)
  );
}

/** The Japanese short forms name a kind of harassment: パワハラ (power), ロジハラ (logic), セクハラ (sexual), ... */
const HARASSMENT_WORDS = /harass|ハラスメント|(パワ|セク|モラ|ロジ|マタ|パタ|カス|アル|ジェンダー)ハラ/i;

/**
 * Scenarios that act harassment out (an abusive boss, say) without being in the harassment series: the learner
 * still meets abuse, so they ask for consent too, though their category stays what their words say.
 */
export function depictsHarassment(texts: string[]): boolean {
  return texts.some((t) => HARASSMENT_WORDS.test(t));
}

/** First matching rule wins; the words are the ones the original files use in tags, titles and roles. */
const CATEGORY_RULES: [Category, RegExp][] = [
  ['remote-work', /リモート|在宅|テレワーク|オンライン|remote/i],
  ['small-talk', /雑談|挨拶|世間話|small talk/i],
  ['customer', /顧客|取引先|クライアント|相手先|お客|商談|クレーム|customer|client/i],
  ['feedback', /フィードバック|評価|指摘|feedback/i],
  ['meetings', /会議|ミーティング|打ち合わせ|meeting/i],
  ['conflict', /断り|交渉|トラブル|強要|誤解|孤立|ストレス|叱責|対立|ハラ|ブラック|conflict/i],
  ['reporting', /報告|連絡|相談|報・連・相|指示|確認|優先順位|進捗|納期|report/i],
];

/** Our category for a legacy scenario: its own category when it names one of ours, otherwise from its words. */
export function categoryFrom(
  hints: { category?: string; texts: string[] },
  known: readonly Category[],
): Category {
  const own = hints.category?.trim().toLowerCase().replace(/_/g, '-');
  if (own && known.includes(own)) return own;
  for (const text of hints.texts) {
    for (const [category, pattern] of CATEGORY_RULES) if (pattern.test(text)) return category;
  }
  return 'reporting';
}

const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;

export function localeOf(text: string): Locale {
  return JAPANESE.test(text) ? 'ja' : 'en';
}

const MANAGER =
  /管理職|上司|課長|部長|係長|主任|マネージャー|マネジャー|リーダー|manager|supervisor|team lead/i;

/** The learner plays the manager and the AI someone who is not one: our `reverse` role type. */
export function learnerIsManager(aiRole: string, userRole: string): boolean {
  return MANAGER.test(userRole) && !MANAGER.test(aiRole);
}

const ROLE_INFO_JA = /^\s*AIは(.+?)[、,，]\s*あなたは(.+?)\s*$/s;
const ROLE_INFO_EN = /^\s*AI\s*(?:is|plays|:)\s*(.+?)[,;]\s*you\s*(?:are|play|:)\s*(.+?)\.?\s*$/is;

/** "AIは上司役、あなたは新入社員" → { aiRole: "上司", userRole: "新入社員" } (an English form is read too). */
export function parseRoleInfo(roleInfo: string): { aiRole: string; userRole: string } | undefined {
  const match = ROLE_INFO_JA.exec(roleInfo) ?? ROLE_INFO_EN.exec(roleInfo);
  if (!match) return undefined;
  return { aiRole: cleanRole(match[1]), userRole: cleanRole(match[2]) };
}

function cleanRole(role: string): string {
  const cleaned = role
    .trim()
    .replace(/として(対応します|対応する|振る舞います)?$/, '')
    .replace(/(の)?役(です)?$/, '')
    .replace(/です$/, '')
    .replace(/^(the|a|an)\s+/i, '')
    .trim();
  return cleaned || role.trim();
}
