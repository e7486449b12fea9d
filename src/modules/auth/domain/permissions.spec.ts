import { can, PERMISSIONS, ROLE_PERMISSIONS, ROLES } from './permissions';

describe('permission matrix', () => {
  const expected: Record<string, string[]> = {
    user: [
      'conversation:read:own',
      'conversation:write:own',
      'conversation:delete:own',
      'scenario:read',
      'analytics:read:own',
    ],
    premium_user: ['scenario:create'],
    admin: [
      'conversation:read:all',
      'scenario:update',
      'scenario:delete',
      'analytics:read:all',
      'user:read:all',
    ],
    super_admin: ['user:manage'],
  };

  it('grants each role exactly the permissions of the API contract', () => {
    let cumulative: string[] = [];
    for (const role of ROLES) {
      cumulative = [...cumulative, ...expected[role]];
      expect([...ROLE_PERMISSIONS[role]].sort()).toEqual([...cumulative].sort());
    }
  });

  it('denies user:manage to every role but super_admin', () => {
    expect(ROLES.filter((r) => can(r, 'user:manage'))).toEqual(['super_admin']);
    expect(PERMISSIONS).toHaveLength(12);
  });
});
