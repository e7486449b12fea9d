import type { Persona } from '../llm.types';
import type { Mood, Register, Topic } from './phrases/phrasebook';
import { topicsIn } from './topics';

export interface Traits {
  register: Register;
  mood: Mood;
  /** What the situation is about, most prominent first; empty when nothing is recognised. */
  topics: Topic[];
  /** Lines quoted in the persona's speaking style (「大丈夫だって」), said now and then in character. */
  catchphrases: string[];
}

const MOOD_WORDS: Array<[Mood, RegExp]> = [
  [
    'upset',
    /怒|不満|苛立|イライラ|不信|クレーム|憤|angry|upset|frustrat|annoyed|dissatisfied|irritat|furious/i,
  ],
  [
    'resistant',
    /プライド|固執|抵抗|頑固|従来|昔は|反発|納得しない|stubborn|resist|proud|set in (his|her|their) ways|old way|sceptic|skeptic/i,
  ],
  ['vague', /曖昧|ざっくり|大雑把|抽象的|適当|手短|vague|ambiguous|unclear|hand-wavy|sketchy/i],
  [
    'strict',
    /厳し|忙し|せっかち|強引|結論を先|結論から|急い|簡潔|strict|busy|impatient|demanding|headline|blunt|pushy|concise|in a hurry/i,
  ],
  [
    'anxious',
    /緊張|不安|心配|遠慮|自信がな|戸惑|おどおど|nervous|anxious|worried|shy|hesitant|unsure|timid/i,
  ],
  [
    'careful',
    /慎重|几帳面|細か|真面目|確認を|信頼できる|careful|cautious|meticulous|detail|thorough|trusted/i,
  ],
  ['warm', /優し|親切|面倒見|穏やか|思いやり|温か|落ち着|supportive|kind|warm|caring|patient|calm|gentle/i],
  [
    'cheerful',
    /明るい|気さく|話し好き|陽気|元気|ざっくばらん|雑談|cheerful|friendly|chatty|upbeat|energetic|outgoing|curious/i,
  ],
];

const CASUAL_STYLE =
  /砕けた|くだけた|タメ口|カジュアル|フランク|軽い|ざっくばらん|友達|casual|informal|relaxed|laid-back|slang|chatty/i;
const FORMAL_STYLE = /敬語|丁寧|ビジネス|かしこまった|です・ます|formal|polite|courteous|professional/i;
const POLITE_ENDING = /(です|ます|ください|ございます|でしょうか|ません)[かね？?！!。]*$/;

/** Reads the character's register, mood, topics and catchphrases from its persona (or the system prompt). */
export function traitsOf(persona: Persona | undefined, locale: 'ja' | 'en', fallbackText: string): Traits {
  const style = persona?.speakingStyle ?? '';
  const about = persona ? `${persona.personality} ${style}` : fallbackText;
  const catchphrases = quotedLines(style, locale);
  return {
    register: registerOf(style, catchphrases, locale),
    mood: MOOD_WORDS.find(([, re]) => re.test(about))?.[0] ?? 'neutral',
    // The role says who the character is (今年入社の後輩), not what the talk is about, so it is left out.
    topics: topicsIn(persona ? `${persona.situation} ${persona.personality}` : fallbackText),
    catchphrases,
  };
}

function registerOf(style: string, quotes: string[], locale: 'ja' | 'en'): Register {
  if (CASUAL_STYLE.test(style) && !/丁寧語ベース/.test(style)) return 'casual';
  if (FORMAL_STYLE.test(style)) return 'formal';
  if (locale === 'ja' && quotes.length) {
    const polite = quotes.filter((q) => POLITE_ENDING.test(q)).length;
    return polite * 2 >= quotes.length ? 'formal' : 'casual';
  }
  return 'formal';
}

/** Complete sentences quoted in a speaking style; fragments (「〜かな」「私の経験では...」) are left out. */
function quotedLines(style: string, locale: 'ja' | 'en'): string[] {
  const quoted =
    locale === 'ja'
      ? [...style.matchAll(/「([^」]{4,40})」/g)]
      : [...style.matchAll(/["“]([^"”]{8,80})["”]/g)];
  return quoted
    .map((m) => m[1].trim())
    .filter((q) => !/^[〜~…]|[〜~…]$|\.\.\.|○|〇|××/.test(q))
    .map((q) => (locale === 'ja' ? (/[。！？!?]$/.test(q) ? q : `${q}。`) : /[.!?]$/.test(q) ? q : `${q}.`));
}
