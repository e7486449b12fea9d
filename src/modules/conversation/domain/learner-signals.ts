/**
 * What a learner's own words show, counted per message: politeness and keigo, questions, acknowledgement,
 * concreteness, positive framing, adapting to what the partner said. Pure and deterministic.
 */
export interface MessageSignals {
  polite: boolean;
  gratitude: boolean;
  apology: boolean;
  question: boolean;
  clarifying: boolean;
  acknowledges: boolean;
  empathic: boolean;
  echoesPartner: boolean;
  concrete: boolean;
  positive: boolean;
  negative: boolean;
  proposes: boolean;
  rude: boolean;
  curt: boolean;
  shouting: boolean;
}

const P = {
  polite: [
    /です|ます|ございます|いただ|頂|させて|恐れ入|恐縮|お願い(いた)?します|ください|でしょうか|存じ|承知/,
    /\b(please|could you|would you|may i|would it be possible|kindly|if you don't mind)\b/i,
  ],
  gratitude: [/ありがと|感謝|助かり|お礼/, /\b(thank(s| you)|appreciate|grateful)\b/i],
  apology: [/すみません|申し訳|失礼|ごめん/, /\b(sorry|apologi[sz]e|my apologies|my mistake)\b/i],
  question: [
    /[?？]|でしょうか|ますか|ですか|ませんか/,
    /\?|^(what|how|when|where|who|why|could|can|would|should|is|are|do|does)\b/i,
  ],
  clarifying: [
    /確認|具体的|つまり|ということ|どのよう|いつまで|期限|優先|認識|念のため|どの程度|範囲/,
    /\b(clarify|to confirm|do you mean|deadline|by when|specifically|priority|scope|just to check|make sure i understand)\b/i,
  ],
  acknowledges: [
    /なるほど|おっしゃる(通り|とおり)|承知|かしこまり|分かりました|わかりました|そうですね|確かに|了解/,
    /\b(i see|i understand|understood|that makes sense|you're right|got it|i hear you|fair point|good point)\b/i,
  ],
  empathic: [
    /お気持ち|大変(でした|ですね|だった)|ご不便|ご心配|不安|つらい|辛い|お察し|無理(しないで|なさらず)|大丈夫(ですか|でしたか)/,
    /\b(that must be|sounds (hard|difficult|frustrating|stressful)|i can imagine|how are you|are you okay|i'm sorry to hear|understandably|your concern)\b/i,
  ],
  concrete: [
    /\d|[０-９]|時|日|分|曜|月末|週|例えば|具体的には|まず|次に|件/,
    /\d|\b(monday|tuesday|wednesday|thursday|friday|tomorrow|today|by (noon|eod|end of)|for example|first|then|step)\b/i,
  ],
  positive: [
    /いいですね|ぜひ|是非|嬉しい|うれしい|前向き|できます|頑張|良い|よろしければ|楽しみ|助かります|素晴らしい/,
    /\b(great|happy to|glad|definitely|let's|can do|looking forward|sounds good|good idea|excellent|i'd love to|sure)\b/i,
  ],
  negative: [
    /無理|できません|嫌|だめ|ダメ|知らない|関係ない|面倒|意味ない/,
    /\b(can't|won't|no way|impossible|not my (problem|job)|whatever|don't care|pointless)\b/i,
  ],
  proposes: [
    /代わりに|もし|であれば|提案|いかがでしょう|どうでしょう|してはどう|案/,
    /\b(instead|alternatively|how about|what if|i suggest|i propose|could we|shall we|one option)\b/i,
  ],
  rude: [/マジ|ヤバ|うざ|ちっ|は？|黙れ|バカ|ばか|くそ/, /\b(lol|wtf|dude|shut up|stupid|idiot|damn)\b/i],
};

const any = (patterns: RegExp[], text: string): boolean => patterns.some((p) => p.test(text));

export function isJapanese(text: string): boolean {
  return /[\u3040-\u30ff\u4e00-\u9fff]/.test(text);
}

/** Content words (English) or character bigrams of kanji/katakana (Japanese), for overlap with the partner. */
export function contentUnits(text: string): Set<string> {
  const units = new Set<string>();
  const lower = text.toLowerCase();
  for (const w of lower.match(/[a-z][a-z'-]{3,}/g) ?? []) units.add(w);
  for (const run of text.match(/[\u4e00-\u9fff\u30a0-\u30ff]{2,}/g) ?? []) {
    for (let i = 0; i < run.length - 1; i++) units.add(run.slice(i, i + 2));
  }
  return units;
}

export function signalsOf(text: string, partnerBefore?: string): MessageSignals {
  const t = text.trim();
  const ja = isJapanese(t);
  const words = ja ? t.replace(/\s/g, '').length : t.split(/\s+/).filter(Boolean).length;
  let echoes = false;
  if (partnerBefore) {
    const mine = contentUnits(t);
    const theirs = contentUnits(partnerBefore);
    let shared = 0;
    for (const u of mine) if (theirs.has(u)) shared++;
    echoes = shared >= 2;
  }
  const letters = t.replace(/[^A-Za-z]/g, '');
  return {
    polite: any(P.polite, t),
    gratitude: any(P.gratitude, t),
    apology: any(P.apology, t),
    question: any(P.question, t),
    clarifying: any(P.clarifying, t),
    acknowledges: any(P.acknowledges, t),
    empathic: any(P.empathic, t),
    echoesPartner: echoes,
    concrete: any(P.concrete, t),
    positive: any(P.positive, t),
    negative: any(P.negative, t),
    proposes: any(P.proposes, t),
    rude: any(P.rude, t),
    curt: ja ? words < 8 : words < 4,
    shouting: (letters.length >= 8 && letters === letters.toUpperCase()) || /[!！]{3,}/.test(t),
  };
}
