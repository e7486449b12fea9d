import { createHash } from 'node:crypto';
import type { Locale } from '../../domain/personas';
import type { WatchPersona } from '../watch-session';

/** Two colleagues who talk differently: one measured and experienced, one quick and curious. */
const DEFAULT_PERSONAS: Record<Locale, [WatchPersona, WatchPersona]> = {
  ja: [
    {
      name: '中村',
      role: '先輩社員（勤続8年）',
      personality: '穏やかで面倒見がよい。相手の話を最後まで聞いてから、自分の経験を交えて意見を言う。',
      speakingStyle: '落ち着いた丁寧語。ときどき経験談を交える。',
    },
    {
      name: '小林',
      role: '若手社員（2年目）',
      personality: '明るく好奇心旺盛。思ったことをすぐ口にし、分からないことはどんどん質問する。',
      speakingStyle: '丁寧語ベースだが、打ち解けた柔らかい口調。',
    },
  ],
  en: [
    {
      name: 'Emma',
      role: 'senior specialist, eight years in',
      personality: 'Calm and supportive; listens to the end, then shares what has worked for her.',
      speakingStyle: 'Warm and measured, with the odd anecdote.',
    },
    {
      name: 'Ryan',
      role: 'associate in his second year',
      personality: 'Upbeat and curious; thinks out loud and asks lots of questions.',
      speakingStyle: 'Casual but polite, light humour.',
    },
  ],
};

const DEFAULT_THEMES: Record<Locale, string[]> = {
  ja: [
    '新しいプロジェクトの進め方',
    '会議を短くする工夫',
    '在宅勤務でのチームの連絡',
    '新人へのフォローのしかた',
    '締め切りが重なったときの優先順位',
  ],
  en: [
    'kicking off a new project',
    'making meetings shorter',
    'keeping in touch while working remotely',
    'helping a new hire settle in',
    'juggling two deadlines at once',
  ],
};

/** Speaking styles for personas given without one. */
const PLAIN_STYLE: Record<Locale, string> = {
  ja: '丁寧語ベースの自然な話し言葉。',
  en: 'Natural, polite spoken English.',
};

export function defaultPersonas(locale: Locale): [WatchPersona, WatchPersona] {
  const [a, b] = DEFAULT_PERSONAS[locale];
  return [{ ...a }, { ...b }];
}

/** A default theme, chosen from the session id so it is stable for that session. */
export function defaultTheme(locale: Locale, sessionId: string): string {
  const themes = DEFAULT_THEMES[locale];
  return themes[createHash('sha256').update(sessionId).digest().readUInt32LE(0) % themes.length];
}

export function withSpeakingStyle(locale: Locale, p: Omit<WatchPersona, 'speakingStyle'>): WatchPersona {
  return { ...p, speakingStyle: PLAIN_STYLE[locale] };
}

export function watchTitle(locale: Locale, theme: string, personas: [WatchPersona, WatchPersona]): string {
  const [a, b] = personas;
  return locale === 'ja'
    ? `観察：${theme}（${a.name}さんと${b.name}さん）`
    : `Watch: ${theme} (${a.name} and ${b.name})`;
}

/** How the colleagues address a learner who has no name to use. */
export function anonymousLearnerName(locale: Locale): string {
  return locale === 'ja' ? 'あなた' : 'you';
}
