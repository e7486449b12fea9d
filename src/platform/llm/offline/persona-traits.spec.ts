import { traitsOf } from './persona-traits';

describe('traitsOf', () => {
  it('reads register and mood from Japanese personas', () => {
    expect(
      traitsOf(
        {
          personality: '納期に追われると強引になる課長。',
          speakingStyle: '「〜かな」「〜だけど」など、やや砕けた話し方。',
          situation: '会議の準備で忙しい。',
        },
        'ja',
        '',
      ),
    ).toMatchObject({ register: 'casual', mood: 'strict', catchphrases: [] });
    expect(
      traitsOf(
        { personality: '礼儀正しく慎重。', speakingStyle: 'ビジネス敬語。', situation: '見積もりの商談。' },
        'ja',
        '',
      ),
    ).toMatchObject({
      register: 'formal',
      mood: 'careful',
      topics: ['negotiation'],
    });
    expect(
      traitsOf(
        { personality: '素直で少し緊張しがち。', speakingStyle: 'かしこまった敬語。', situation: '休憩中' },
        'ja',
        '',
      ).mood,
    ).toBe('anxious');
  });

  it('takes complete quoted lines as catchphrases and judges register from them', () => {
    const traits = traitsOf(
      {
        personality: '同僚',
        speakingStyle: '「大丈夫だって」「まあバレなきゃいいっしょ」など少し軽い感じ。「〜だよね」',
        situation: '副業の規定',
      },
      'ja',
      '',
    );
    expect(traits.catchphrases).toEqual(['大丈夫だって。', 'まあバレなきゃいいっしょ。']);
    expect(traits.register).toBe('casual');
    expect(traits.topics).toContain('compliance');
  });

  it('reads English personas, and the system prompt when there is no persona', () => {
    expect(
      traitsOf(
        {
          personality: 'Friendly and chatty.',
          speakingStyle: 'Casual but polite, light humour.',
          situation: 'lunch in the canteen',
        },
        'en',
        '',
      ),
    ).toMatchObject({
      register: 'casual',
      mood: 'cheerful',
      topics: ['lunch'],
    });
    expect(
      traitsOf(undefined, 'en', 'You are an angry customer complaining about a late delivery.'),
    ).toMatchObject({ mood: 'upset', register: 'formal' });
  });
});
