/** How the character talks: polite (です・ます, "Could you…") or casual (タメ口, "Can you…"). */
export type Register = 'formal' | 'casual';

/** Lines for both registers, or one list that suits either. Placeholders: {time} {kw} {quote} {name} {theme}. */
export type Lines = string[] | { formal: string[]; casual: string[] };

/** The character's attitude, read from the persona; it colours reactions and changes over a conversation. */
export type Mood =
  'warm' | 'cheerful' | 'strict' | 'upset' | 'anxious' | 'careful' | 'vague' | 'resistant' | 'neutral';

/** What the learner's message does, as far as the character reacts to it. */
export type Intent =
  | 'greeting'
  | 'thanks'
  | 'apology'
  | 'farewell'
  | 'clarification'
  | 'offer'
  | 'question'
  | 'proposal'
  | 'refusal'
  | 'agreement'
  | 'offtopic'
  | 'short'
  | 'statement';

export type QuestionKind =
  | 'info'
  | 'opinion'
  | 'when'
  | 'why'
  | 'quantity'
  | 'how'
  | 'who'
  | 'where'
  | 'cost'
  | 'what'
  | 'can'
  | 'confirm';

export type Topic =
  | 'deadline'
  | 'report'
  | 'meeting'
  | 'complaint'
  | 'instructions'
  | 'mistake'
  | 'feedback'
  | 'harassment'
  | 'negotiation'
  | 'leave'
  | 'onboarding'
  | 'change'
  | 'compliance'
  | 'teamwork'
  | 'lunch'
  | 'break'
  | 'morning'
  | 'evening'
  | 'party'
  | 'smalltalk';

export interface TopicLines {
  /** Questions the character asks to move the conversation on. */
  probes: Lines;
  /** What the character itself brings up: its concern, news or story. */
  concerns: Lines;
  /** Answers to "what should I do?" where the situation calls for specific advice. */
  advice?: Lines;
}

export interface WatchLines {
  /** First line of a watch conversation, with {theme}. */
  openers: Lines;
  /** Reactions to the colleague's last line, optionally addressing {name}. */
  reactions: Record<'question' | 'proposal' | 'refusal' | 'agreement' | 'statement', Lines>;
  /** Own opinions and small experiences that add something. */
  opinions: Lines;
  /** Questions back to the colleague, with {name}. */
  questionsBack: Lines;
  /** When the learner speaks for the first time, with {name}. */
  welcomes: Lines;
  /** Bringing a long exchange toward a conclusion. */
  wrapUps: Lines;
}

export interface CoachLines {
  opening: Lines;
  strengths: Record<'questions' | 'courtesy' | 'proposals' | 'detail' | 'engagement', Lines>;
  improvements: Record<'questions' | 'courtesy' | 'detail' | 'proposals' | 'length', Lines>;
  closing: Lines;
}

export interface PhraseBook {
  /** Generic reactions to each intent. */
  reactions: Record<Intent, Lines>;
  /** Mood-specific reactions, preferred when present. */
  moodReactions: Partial<Record<Mood, Partial<Record<Intent, Lines>>>>;
  /** Answers to the learner's questions by kind. */
  answers: Record<QuestionKind, Lines>;
  /** Light answers for small talk, where business answers would sound odd: how things are, likes, anything else. */
  chatAnswers: Record<'state' | 'preference' | 'other', Lines>;
  /** Small-talk reactions, preferred over the business-flavoured ones in chat mode. */
  chatReactions: Partial<Record<Intent, Lines>>;
  /** Attitude lines: early in a conversation and later, once the learner has engaged. */
  moods: Record<Mood, { early: Lines; late: Lines }>;
  topics: Record<Topic, TopicLines>;
  /** Probes for any topic, by stage of the conversation. */
  stages: { early: Lines; middle: Lines; late: Lines };
  /** Acknowledging a time the learner named ({time}), a subject ({kw}) or a short statement ({quote}). */
  echoes: { time: Lines; keyword: Lines; quote: Lines };
  /** Neutral greetings that open a conversation when the persona brings no opening line. */
  openings: Lines;
  closings: { scenario: Lines; chat: Lines };
  moodClosings: Partial<Record<Mood, Lines>>;
  /** When the learner keeps talking after the close. */
  afterClose: Lines;
  /** Prefixes that make a line new when its plain form was already used. */
  connectors: Lines;
  /** Heads and tails combined as a last resort, so a reply is never empty or repeated. */
  fillers: { heads: Lines; tails: Lines };
  watch: WatchLines;
  coach: CoachLines;
}

export function linesFor(lines: Lines, register: Register): string[] {
  return Array.isArray(lines) ? lines : lines[register];
}
