import { inputHash } from './analysis-input';

describe('inputHash', () => {
  const input = {
    conversations: [
      { id: 'a', messageCount: 4, feedbackId: null },
      { id: 'b', messageCount: 6, feedbackId: 'f1' },
    ],
  };

  it('is stable for the same conversations, lengths and feedback', () => {
    expect(inputHash(input)).toBe(inputHash(JSON.parse(JSON.stringify(input))));
  });

  it('changes when a conversation grows, gets feedback, or the window changes', () => {
    const h = inputHash(input);
    expect(
      inputHash({ conversations: [{ ...input.conversations[0], messageCount: 5 }, input.conversations[1]] }),
    ).not.toBe(h);
    expect(
      inputHash({ conversations: [{ ...input.conversations[0], feedbackId: 'f2' }, input.conversations[1]] }),
    ).not.toBe(h);
    expect(inputHash({ conversations: [input.conversations[1]] })).not.toBe(h);
  });
});
