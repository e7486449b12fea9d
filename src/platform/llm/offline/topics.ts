import type { Topic } from './phrases/phrasebook';

/** Words that reveal what a situation is about, in either language (matched case-insensitively). */
const TOPIC_WORDS: Record<Topic, string[]> = {
  deadline: ['締め切り', '締切', '納期', '期限', '間に合', '遅れ', '遅延', 'deadline', 'due date', 'running late', 'delay', 'behind schedule'],
  report: ['報告', '報連相', '進捗', '連絡', '共有', '知らせ', 'report', 'status update', 'progress', 'keep me posted', 'inform'],
  meeting: ['会議', '打ち合わせ', 'ミーティング', '面談', '出社', 'オンライン', 'meeting', 'call', 'one-to-one', '1on1', 'appointment'],
  complaint: ['クレーム', '苦情', 'お怒り', '不満', '返金', 'complaint', 'complain', 'refund', 'dissatisfied', 'angry customer'],
  instructions: ['指示', '依頼', '頼ま', '準備', '書類', '資料', '作業', 'コピー', 'instruction', 'request', 'prepare', 'document', 'task', 'handout'],
  mistake: ['ミス', '失敗', '間違', 'トラブル', '不具合', '障害', '事故', 'mistake', 'error', 'trouble', 'bug', 'incident', 'outage'],
  feedback: ['評価', '指導', '注意', 'フィードバック', '改善', '育成', '成長', 'feedback', 'performance', 'appraisal', 'coaching', 'improve'],
  harassment: ['ハラスメント', 'パワハラ', 'セクハラ', 'いじめ', '嫌がらせ', '差別', '相談窓口', 'harass', 'bully', 'discriminat', 'inappropriate'],
  negotiation: ['交渉', '見積', '値引', '価格', '予算', '条件', '契約', '商談', 'negotiat', 'price', 'discount', 'quote', 'budget', 'contract', 'deal'],
  leave: ['休暇', '有給', '休み', '早退', '育休', '産休', '介護', '体調', '家の都合', 'day off', 'leave', 'vacation', 'holiday', 'sick', 'family'],
  onboarding: ['新人', '新入社員', '異動', '配属', '入社', '研修', '初めて', 'new hire', 'onboarding', 'first week', 'new joiner', 'transfer', 'training'],
  change: ['新しいシステム', 'システム', '導入', '変更', '新しいやり方', '移行', '今までのやり方', '抵抗', 'new system', 'rollout', 'change', 'migration', 'new process'],
  compliance: ['規定', '規則', '副業', 'コンプライアンス', 'ルール', '違反', 'バレ', 'policy', 'rule', 'compliance', 'side job', 'violation'],
  teamwork: ['チーム', '同僚', '協力', '分担', 'グループ', 'チャット', '孤立', '招待', 'team', 'colleague', 'collaborat', 'group chat', 'left out'],
  lunch: ['昼休み', 'ランチ', '食堂', '弁当', 'お昼', 'lunch', 'canteen'],
  break: ['休憩', 'コーヒー', '一息', 'break', 'coffee'],
  morning: ['始業前', 'エレベーター', '通勤', '朝', 'morning', 'commute', 'lift'],
  evening: ['終業後', '帰り支度', '退勤', '帰り', 'after work', 'evening', 'going home'],
  party: ['懇親会', '飲み会', '歓迎会', '打ち上げ', '宴会', 'party', 'social', 'drinks'],
  smalltalk: ['雑談', 'カフェ', '趣味', '週末', 'hobby', 'weekend', 'cafe', 'small talk'],
};

/** English words match from a word start ("negotiat" finds negotiation, "call" does not find recall). */
function mentions(lower: string, word: string): boolean {
  if (!/^[\x20-\x7e]+$/.test(word)) return lower.includes(word);
  return new RegExp(`\\b${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).test(lower);
}

/** Topics mentioned in a text, most mentioned first (ties keep the order above). */
export function topicsIn(text: string): Topic[] {
  const lower = text.toLowerCase();
  const scored = (Object.keys(TOPIC_WORDS) as Topic[])
    .map((topic, order) => ({ topic, order, hits: TOPIC_WORDS[topic].filter((w) => mentions(lower, w)).length }))
    .filter((t) => t.hits > 0);
  scored.sort((a, b) => b.hits - a.hits || a.order - b.order);
  return scored.map((t) => t.topic);
}

/** Work subjects a learner may name; the character picks the word up ("資料の件ですね"). */
const SUBJECTS = {
  ja: [
    '報告書', '資料', '会議', '打ち合わせ', '締め切り', '納期', '見積もり', '見積', '予算', '契約', '企画', '提案書', 'プロジェクト',
    'スケジュール', '進捗', 'お客様', '顧客', 'メール', 'チャット', '研修', '有給', '残業', '在宅勤務', 'テレワーク', '引き継ぎ',
    'ミス', 'トラブル', '不具合', 'プレゼン', 'データ', '売上', '目標', '面談', 'システム', '書類', 'マニュアル', '議事録',
  ],
  en: [
    'report', 'slides', 'meeting', 'deadline', 'estimate', 'quote', 'budget', 'contract', 'proposal', 'project', 'schedule',
    'progress', 'client', 'customer', 'email', 'training', 'overtime', 'handover', 'mistake', 'issue', 'presentation', 'data',
    'sales', 'target', 'review', 'system', 'document', 'manual', 'minutes', 'invoice',
  ],
};

export function subjectIn(text: string, locale: 'ja' | 'en'): string | undefined {
  const lower = text.toLowerCase();
  if (locale === 'ja') return SUBJECTS.ja.find((w) => text.includes(w));
  return SUBJECTS.en.find((w) => new RegExp(`\\b${w}s?\\b`).test(lower));
}

/** Everyday subjects that have nothing to do with a work scenario. */
const OFF_TOPIC = {
  ja: ['天気', '映画', 'ゲーム', '野球', 'サッカー', 'アニメ', '漫画', 'ドラマ', '旅行', '猫', '犬', 'ラーメン', '晩ご飯', '夕飯', 'カラオケ', '宝くじ', '占い'],
  en: ['weather', 'movie', 'film', 'video game', 'football', 'soccer', 'baseball', 'anime', 'tv show', 'my cat', 'my dog', 'pizza', 'karaoke', 'lottery', 'horoscope'],
};

export function mentionsOffTopic(text: string, locale: 'ja' | 'en'): boolean {
  const lower = text.toLowerCase();
  return OFF_TOPIC[locale].some((w) => mentions(lower, w));
}
