import type { Principal, Role } from '../../auth';
import { canDeleteScenario, canPublishScenario, canSeeScenario, canUpdateScenario } from './access';

const principal = (role: Role, userId = 'u1'): Principal => ({
  userId,
  role,
  isAnonymous: false,
  tokenId: 't',
  sessionId: 's',
  tokenExpiresAt: 0,
});

const publicBuiltin = { visibility: 'public' as const, createdBy: null };
const privateOfU1 = { visibility: 'private' as const, createdBy: 'u1' };
const privateOfU2 = { visibility: 'private' as const, createdBy: 'u2' };

describe('scenario access rules', () => {
  it('shows public scenarios to everyone and private ones to their creator and admins only', () => {
    expect(canSeeScenario(publicBuiltin, principal('user'))).toBe(true);
    expect(canSeeScenario(privateOfU1, principal('premium_user'))).toBe(true);
    expect(canSeeScenario(privateOfU2, principal('premium_user'))).toBe(false);
    expect(canSeeScenario(privateOfU2, principal('admin'))).toBe(true);
    expect(canSeeScenario(privateOfU2, principal('super_admin'))).toBe(true);
  });

  it('lets the creator change their scenario whatever their role', () => {
    expect(canUpdateScenario(privateOfU1, principal('user'))).toBe(true);
    expect(canDeleteScenario(privateOfU1, principal('user'))).toBe(true);
  });

  it('lets only update/delete permission holders change scenarios they did not create', () => {
    expect(canUpdateScenario(publicBuiltin, principal('premium_user'))).toBe(false);
    expect(canDeleteScenario(publicBuiltin, principal('premium_user'))).toBe(false);
    expect(canUpdateScenario(publicBuiltin, principal('admin'))).toBe(true);
    expect(canDeleteScenario(privateOfU2, principal('admin'))).toBe(true);
  });

  it('lets only admins publish', () => {
    expect(canPublishScenario(principal('premium_user'))).toBe(false);
    expect(canPublishScenario(principal('admin'))).toBe(true);
  });
});
