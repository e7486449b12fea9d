import type { LlmMessage } from '../llm.types';
import { isStageDirection } from './text';

export interface Turn {
  content: string;
  name?: string;
}

/** A conversation as the offline character sees it: its own turns and the other voices' turns. */
export interface ConversationView {
  system: string;
  /** What the character itself said before (assistant turns). */
  own: string[];
  /** What others said (user turns), without stage directions such as （会話の始まりです。）. */
  others: Turn[];
  /** The other voice's turn this reply answers, when the last turn is theirs. */
  last: Turn | undefined;
}

const DIRECTOR = /^(director|narrator|system)$/i;

export function viewOf(messages: LlmMessage[]): ConversationView {
  const view: ConversationView = { system: '', own: [], others: [], last: undefined };
  const system: string[] = [];
  for (const m of messages) {
    if (m.role === 'system') system.push(m.content);
    else if (m.role === 'assistant') {
      view.own.push(m.content);
      view.last = undefined;
    } else if (!(m.name && DIRECTOR.test(m.name)) && !isStageDirection(m.content)) {
      const turn = { content: m.content, name: m.name };
      view.others.push(turn);
      view.last = turn;
    }
  }
  view.system = system.join('\n');
  return view;
}
