import { defaultPersonas } from './cast';
import type { TranscriptEntry } from './transcript';
import { personaFor, turnPrompt, type TurnContext } from './turn-prompt';

const personas = defaultPersonas('en');
const entries: TranscriptEntry[] = [
  { id: '1', by: 0, speaker: 'Emma', content: 'Shall we talk about the kickoff?', turn: 1 },
  { id: '2', by: 1, speaker: 'Ryan', content: 'Sure, what worries you?', turn: 2 },
  { id: '3', by: 'learner', speaker: 'Kim', content: 'Can I join? I run kickoffs too.', turn: null },
];
const context = (over: Partial<TurnContext> = {}): TurnContext => ({
  locale: 'en',
  theme: 'kicking off a new project',
  personas,
  speaker: 0,
  learnerName: 'Kim',
  entries,
  turn: 3,
  maxTurns: 10,
  budgetTokens: 3000,
  ...over,
});

describe('turn prompt', () => {
  it('shows the transcript from the speaker’s side: its own lines as the assistant’s, the others’ with names', () => {
    const messages = turnPrompt(context());
    expect(messages[0].role).toBe('system');
    const turns = messages.filter((m) => m.role !== 'system' && m.name !== 'director');
    expect(turns).toEqual([
      { role: 'assistant', content: 'Shall we talk about the kickoff?' },
      { role: 'user', name: 'Ryan', content: 'Sure, what worries you?' },
      { role: 'user', name: 'Kim', content: 'Can I join? I run kickoffs too.' },
    ]);
    const other = turnPrompt(context({ speaker: 1 })).filter(
      (m) => m.role !== 'system' && m.name !== 'director',
    );
    expect(other.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
  });

  it('asks for an answer to the learner, by name, while their line waits', () => {
    expect(turnPrompt(context())[0].content).toMatch(
      /Kim just spoke: answer them directly, addressing them by name/,
    );
    const answered = [
      ...entries,
      { id: '4', by: 1 as const, speaker: 'Ryan', content: 'Welcome, Kim!', turn: 3 },
    ];
    expect(turnPrompt(context({ entries: answered, turn: 4 }))[0].content).not.toMatch(/just spoke/);
  });

  it('opens with a stage direction and winds down on the last turns (ja)', () => {
    const ja = defaultPersonas('ja');
    const opening = turnPrompt(
      context({ locale: 'ja', personas: ja, entries: [], turn: 1, learnerName: null }),
    );
    expect(opening.at(-1)).toMatchObject({ role: 'user', name: 'director' });
    expect(opening.at(-1)?.content).toContain(ja[1].name);
    const last = turnPrompt(
      context({ locale: 'ja', personas: ja, entries: [], turn: 10, learnerName: null }),
    );
    expect(last[0].content).toContain('最後のひと言');
  });

  it('gives providers the speaker’s persona with the theme as its situation', () => {
    expect(personaFor(context({ speaker: 1 }))).toMatchObject({
      name: 'Ryan',
      situation: 'kicking off a new project',
    });
  });
});
