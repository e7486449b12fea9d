import { canonicalJson, contentHash } from './content-hash';

describe('contentHash', () => {
  it('ignores key order at every level', () => {
    const a = { title: 't', character: { name: 'n', personality: 'p' }, tags: ['x', 'y'] };
    const b = { tags: ['x', 'y'], character: { personality: 'p', name: 'n' }, title: 't' };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(contentHash(a)).toBe(contentHash(b));
  });

  it('changes when a value or the order of a list changes', () => {
    const base = contentHash({ tags: ['x', 'y'], title: 't' });
    expect(contentHash({ tags: ['y', 'x'], title: 't' })).not.toBe(base);
    expect(contentHash({ tags: ['x', 'y'], title: 'T' })).not.toBe(base);
  });
});
