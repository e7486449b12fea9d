import type { LlmMessage, Persona } from '../llm.types';
import { offlineReply } from './offline-model';
import { sentenceKey, sentencesOf } from './text';

const A: Persona = {
  name: '中村',
  personality: '穏やかで面倒見がよい',
  speakingStyle: '落ち着いた丁寧語',
  situation: '会議を短くする工夫',
};
const B: Persona = {
  name: '小林',
  personality: '明るく好奇心旺盛',
  speakingStyle: '丁寧語ベースの柔らかい口調',
  situation: '会議を短くする工夫',
};

/** Two offline colleagues talking, each seeing its own lines as the assistant's and the other's (and the learner's) as user lines. */
function talk(
  turns: number,
  learner: Record<number, { name: string; content: string }> = {},
): Array<{ by: string; content: string }> {
  const lines: Array<{ by: string; content: string }> = [];
  for (let turn = 1; turn <= turns; turn++) {
    if (learner[turn]) lines.push({ by: learner[turn].name, content: learner[turn].content });
    const me = turn % 2 ? A : B;
    const messages: LlmMessage[] = lines.map((l) =>
      l.by === me.name
        ? { role: 'assistant', content: l.content }
        : { role: 'user', name: l.by, content: l.content },
    );
    lines.push({
      by: me.name!,
      content: offlineReply({ mode: 'watch', locale: 'ja', persona: me, seed: 's', messages }),
    });
  }
  return lines;
}

describe('offline model: watch mode between two colleagues', () => {
  it('never has one colleague parrot a sentence the other already said', () => {
    const said = talk(16).flatMap((l) => sentencesOf(l.content).map(sentenceKey));
    expect(said.filter((s, i) => said.indexOf(s) !== i)).toEqual([]);
  });

  it('names the learner in every reply to them, not only the first', () => {
    const lines = talk(9, {
      3: { name: '花子', content: '私は、議題を前日までに共有するのがいいと思います。' },
      6: { name: '花子', content: 'それなら、時間も決めておきたいです。' },
      9: { name: '花子', content: 'なるほど。' },
    });
    const answers = lines.filter((l, i) => i > 0 && lines[i - 1].by === '花子');
    expect(answers).toHaveLength(3);
    for (const answer of answers) expect(answer.content).toContain('花子さん');
  });

  it('calls someone with no name to use あなた, not あなたさん', () => {
    const lines = talk(5, {
      3: { name: 'あなた', content: '私も参加していいですか？' },
      5: { name: 'あなた', content: 'ありがとうございます。' },
    });
    const answers = lines.filter((l, i) => i > 0 && lines[i - 1].by === 'あなた');
    for (const answer of answers) expect(answer.content).not.toContain('あなたさん');
  });
});
