import { chunksOf } from './chunker';

describe('chunksOf', () => {
  it('splits English by word and gives the text back exactly', () => {
    const text = 'Could you send it by Friday?  Thanks.';
    const chunks = chunksOf(text, 'en');
    expect(chunks.join('')).toBe(text);
    expect(chunks.length).toBe(7);
  });

  it('splits Japanese at punctuation and particles into short phrases', () => {
    const text = '締め切りには間に合いそうですか。今度の会議で配布する資料を、参加者分準備してほしいんです。';
    const chunks = chunksOf(text, 'ja');
    expect(chunks.join('')).toBe(text);
    expect(chunks.length).toBeGreaterThan(6);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThanOrEqual(8);
    expect(chunks.slice(0, 3)).toEqual(['締め切りには', '間に', '合いそうですか。']);
  });
});
