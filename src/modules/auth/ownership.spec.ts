import 'reflect-metadata';
import { NotFoundError } from '../../shared';
import { assertOwner, ownedBy } from './ownership';
import type { Principal } from './principal';

const me: Principal = {
  userId: '11111111-1111-4111-8111-111111111111',
  role: 'admin',
  isAnonymous: false,
  tokenId: '22222222-2222-4222-8222-222222222222',
  sessionId: '33333333-3333-4333-8333-333333333333',
  tokenExpiresAt: 0,
};

describe('ownership', () => {
  it('hands back what the caller owns', () => {
    const mine = { id: 'c1', userId: me.userId };
    expect(ownedBy(me, mine, (c) => c.userId)).toBe(mine);
    expect(() => assertOwner(me, me.userId)).not.toThrow();
  });

  it("answers another user's resource exactly like a missing one, whatever the caller's role", () => {
    const theirs = ownedByError(() =>
      ownedBy(me, { userId: 'someone-else' }, (c) => c.userId, 'Conversation'),
    );
    const missing = ownedByError(() =>
      ownedBy(me, null, (c: { userId: string }) => c.userId, 'Conversation'),
    );
    expect(theirs).toBeInstanceOf(NotFoundError);
    expect(theirs).toEqual(missing);
    expect(() => assertOwner(me, null)).toThrow(NotFoundError);
    expect(() => assertOwner(me, 'someone-else')).toThrow(NotFoundError);
  });
});

function ownedByError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return undefined;
}
