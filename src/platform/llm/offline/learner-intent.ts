import type { Intent, QuestionKind } from './phrases/phrasebook';
import { mentionsOffTopic, subjectIn } from './topics';

/** What a learner's message does, read with plain patterns: enough for the character to react to it. */
export interface LearnerInput {
  /** Social moves to acknowledge first (greeting, thanks, apology, farewell). */
  social: Intent[];
  /** The substantive move, or undefined when the message is purely social. */
  main: Intent | undefined;
  questionKind?: QuestionKind;
  /** A time the learner named: 明日, 3時, Friday… */
  time?: string;
  /** A work subject the learner named: 資料, budget… */
  subject?: string;
  /** The message itself when it is one short sentence, for an active-listening echo. */
  quote?: string;
}

interface Patterns {
  offer: RegExp;
  greeting: RegExp;
  thanks: RegExp;
  apology: RegExp;
  farewell: RegExp;
  clarification: RegExp;
  proposal: RegExp;
  refusal: RegExp;
  agreement: RegExp;
  question: RegExp;
  time: RegExp;
  kinds: Array<[QuestionKind, RegExp]>;
}

const JA: Patterns = {
  offer:
    /(聞いて|頼って|相談して|声をかけて|言って)(ね|ください|いいよ|いいから|大丈夫)|手伝(う|います|おうか|いましょうか)|遠慮なく|任せて(ください|ね)|力になり/,
  greeting:
    /おはよう|こんにちは|こんばんは|お疲れ(様|さま)|おつかれ|(初|はじ)めまして|お世話になっております|お元気ですか|調子はどうですか|元気？/,
  thanks: /ありがと|感謝|助かりま|助かった|恐れ入ります|お礼/,
  apology: /すみません|すいません|申し訳|ごめん|失礼(いた)?しました|お詫び|反省して/,
  farewell:
    /失礼します|失礼いたします|さようなら|また明日|お先に|それでは(また)?|では、?また|以上です|これで失礼|そろそろ(戻|行|帰|失礼)|戻ろうか|戻りましょうか/,
  clarification:
    /もう一度|もう少し詳しく|詳しく教えて|具体的に(教えて|お願い|言うと|は？)|どういう意味|どういうこと|つまり.*(ですか|ということ)|よく分から|わかりません|分かりません|聞き取れ|確認させ|念のため/,
  proposal:
    /(?<!(いただけ|頂け|もらえ|くれ|ござい|あり))ませんか|ましょう|はどうでしょう|はいかが|提案|してはどう|案として|代わりに|例えば|たとえば|ではどうですか|のはどう/,
  refusal:
    /できません|できない|出来ません|無理|難しい|厳しい|お断り|遠慮します|いいえ|結構です|困ります|避けたい|反対です|納得できません|したくない|控えたい/,
  agreement:
    /^(はい|ええ|うん)|承知|かしこまりました|分かりました|わかりました|了解|いいですね|いいね|いいじゃん|賛成|そうですね|そうだね|もちろん|大丈夫です|問題ありません|お任せください|対応します|そうします|やります|確かに|なるほど/,
  question:
    /[?？]|(か|かな|かね|でしょうか|ですか|ますか)[。．\s]*$|(いつ|どこ|誰|だれ|どなた|なぜ|どうして|なんで|どのよう|どうやって|いくら|どれくらい|どのくらい|何時|何日)/,
  time: /(?:今日中|今日|明日|明後日|あさって|今週中|今週|来週の?[月火水木金土日]曜日?|来週|再来週|今月中|今月|来月|月末|週明け|[月火水木金土日]曜日?|\d{1,2}月\d{1,2}日|\d{1,2}日)(?:の?(?:午前中|午前|午後|夕方|朝一|朝|夜|\d{1,2}時半?))?|午前中|午後|夕方|朝一|\d{1,2}時半?|\d+分/,
  kinds: [
    ['info', /教えて(いただけ|もらえ|ください|くれ)|伺っても|お聞きしても/],
    ['opinion', /不安|心配|問題|どう思|どう感じ|意見|困って|気にな/],
    ['quantity', /何部|何人|何個|何枚|何件|何本|いくつ|どのくらいの量|何名/],
    ['when', /いつ|何時|何日|いつまで|期限|締め切り|スケジュール/],
    ['why', /なぜ|どうして|なんで|理由/],
    ['how', /どう(やって|すれば|したら)|どのよう|方法|やり方|進め方/],
    ['who', /誰|だれ|どなた|担当者/],
    ['where', /どこ|どちら|場所/],
    ['cost', /いくら|費用|予算|金額|価格|コスト/],
    [
      'can',
      /できますか|可能ですか|いただけ(ます|ません)か|もらえ(ます|ません)か|してもいいですか|よろしいですか|お願いできますか/,
    ],
    ['what', /何|なに|どんな|どういう|どれ/],
  ],
};

const EN: Patterns = {
  offer:
    /\b(feel free|let me know if|happy to help|i can help|i'll help|i will help|ask me anything|just ask|if you need anything|my door is (always )?open|count on me|i've got your back)\b/,
  greeting: /\b(hello|hi|hey|good (morning|afternoon|evening)|nice to meet|how are you|how's it going)\b/,
  thanks: /\b(thank|thanks|appreciate|grateful|cheers)\b/,
  apology: /\b(sorry|apologi[sz]e|my bad|my fault|forgive me)\b/,
  farewell:
    /\b(bye|goodbye|see you|that's all|that is all|talk (to you )?later|have a (good|nice|great)|take care|catch you later|(should|better|have to) (get back|go|head off)|back to work)\b/,
  clarification:
    /\b(what do you mean|could you clarify|clarify|explain|not sure i (follow|understand)|don't understand|do not understand|pardon|repeat that|rephrase|more specific|what exactly|in other words|just to confirm|to confirm|so you mean)\b/,
  proposal:
    /\b(how about|what if|what about|i suggest|i propose|maybe we could|we could|let's|shall we|instead|alternatively|one option)\b/,
  refusal:
    /\b(no|nope|can't|cannot|unable|not possible|impossible|i'd rather not|decline|won't|not able|i disagree|don't think so|too (tight|much|soon)|not comfortable)\b/,
  agreement:
    /\b(yes|yeah|yep|sure|of course|okay|ok|agreed|i agree|sounds good|will do|got it|absolutely|no problem|definitely|makes sense|understood|certainly|i can do that|right)\b/,
  question:
    /\?|^(what|when|why|how|who|where|which)\b|^(can|could|would|will|do|does|did|is|are|was|were|should|may|shall|have|has) (i|you|we|they|he|she|it|the|this|that|there|someone|anyone)\b/,
  time: /\b(today|tomorrow|tonight|this (week|afternoon|morning|evening)|next (week|month)|end of (the )?(day|week|month)|(monday|tuesday|wednesday|thursday|friday|saturday|sunday)|\d{1,2}(:\d{2})?\s?(am|pm)|\d{1,2} o'clock|in \d+ (minutes|hours|days))\b/,
  kinds: [
    ['info', /\b(tell me|let me know|explain|walk me through)\b/],
    ['opinion', /\b(worr|concern|problem|what do you think|how do you feel|your (view|opinion|thoughts))/],
    ['quantity', /\b(how many|how much (paper|stock)|what quantity|number of)\b/],
    ['can', /^(can|could|may|would you mind|is it ok|is it okay)\b/],
    ['when', /\b(when|what time|by when|how long|deadline|due)\b/],
    ['why', /\b(why|reason)\b/],
    ['how', /\b(how (do|should|can|would|could)|what's the best way|approach|process)\b/],
    ['who', /\b(who|whom|whose)\b/],
    ['where', /\b(where)\b/],
    ['cost', /\b(how much|cost|budget|price|fee)\b/],
    ['can', /^(can|could|may|would you mind|is it ok|is it okay)\b|\b(could you|can you|would you)\b/],
    ['what', /\b(what|which)\b/],
  ],
};

// Words that contain a question word without asking anything (どうも, 何か, いつも…).
const JA_NOT_QUESTION =
  /どうも|どうぞ|どうか|何卒|何か|なにか|何とか|なんとか|いつも|どこか|誰か|何でも|なんでも/g;

/** Reads a learner message. `scenario` turns on off-topic detection (small talk has no topic to leave). */
export function readLearnerInput(text: string, locale: 'ja' | 'en', scenario: boolean): LearnerInput {
  const raw = text.trim();
  const p = locale === 'ja' ? JA : EN;
  const t =
    locale === 'ja'
      ? raw.replace(JA_NOT_QUESTION, '〇')
      : raw.toLowerCase().replace(/\b(no|not a) (problem|worries)\b/g, 'fine');
  const has = (re: RegExp) => re.test(t);

  const social: Intent[] = (['greeting', 'thanks', 'apology', 'farewell'] as const).filter((i) => has(p[i]));
  const isQuestion = has(p.question);
  // すみません before a question is "excuse me", not an apology.
  if (locale === 'ja' && isQuestion && /^(すみません|すいません)/.test(raw) && social.includes('apology'))
    social.splice(social.indexOf('apology'), 1);

  const input: LearnerInput = { social, main: undefined, subject: subjectIn(raw, locale) };
  input.time = new RegExp(p.time.source, 'i').exec(raw)?.[0];

  let main: Intent | undefined;
  if (social.length && isOnlySocial(t, p, locale)) main = undefined;
  else if (has(p.clarification)) main = 'clarification';
  else if (scenario && !input.subject && mentionsOffTopic(raw, locale)) main = 'offtopic';
  else if (has(p.offer)) main = 'offer';
  else if (has(p.proposal)) main = 'proposal';
  else if (isQuestion) main = 'question';
  else if (has(p.refusal)) main = 'refusal';
  else if (has(p.agreement)) main = 'agreement';
  else main = contentLength(raw, locale) < (locale === 'ja' ? 5 : 3) ? 'short' : 'statement';

  if (main === 'question' || main === 'clarification')
    input.questionKind = p.kinds.find(([, re]) => has(re))?.[0] ?? 'confirm';
  input.main = main;
  if (main === 'statement' && locale === 'ja' && !social.length) {
    const body = raw.replace(/[。．！!]+$/, '');
    // Only reports and commitments (…します, …しました) are worth echoing back.
    if (
      body.length >= 5 &&
      body.length <= 24 &&
      !/[。！？!?]/.test(body) &&
      /(ます|ました|ません|ている|ていた|した|する)$/.test(body)
    )
      input.quote = body;
  }
  return input;
}

function isOnlySocial(t: string, p: Patterns, locale: 'ja' | 'en'): boolean {
  let rest = t;
  for (const re of [p.greeting, p.thanks, p.apology, p.farewell])
    rest = rest.replace(new RegExp(re.source, 'g'), '');
  // Leftover politeness (ございます, いたします, so much, for the trouble…) does not count as content.
  rest =
    locale === 'ja'
      ? rest.replace(
          /ございません|ございます|ございました|いたしました|いたします|致します|しました|します|でした|です|ます|本当に|大変|誠に|どうも|本日は|今日は|先ほどは|よろしくお願い(いた)?し|お願い|それでは|では|じゃあ|[ねよ]/g,
          '',
        )
      : rest.replace(
          /\b(so|very|much|really|truly|deeply|you|your|for|everything|again|all|a lot|lot|and|the|today|i'm|i am|we're|we are|about|that|this|it|trouble|inconvenience|help|time|patience)\b/g,
          '',
        );
  return contentLength(rest, locale) < 3;
}

function contentLength(text: string, locale: 'ja' | 'en'): number {
  const letters = text.replace(/[\s、。，．,.!！?？「」『』"'…・〜~\-ー〇]/g, '');
  return locale === 'ja' ? letters.length : text.split(/\s+/).filter((w) => /[a-z0-9]/i.test(w)).length;
}
