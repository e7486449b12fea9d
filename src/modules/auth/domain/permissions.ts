/** Roles and the permission matrix of the API contract: the single source of truth. */
export const ROLES = ['user', 'premium_user', 'admin', 'super_admin'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'conversation:read:own',
  'conversation:write:own',
  'conversation:delete:own',
  'scenario:read',
  'analytics:read:own',
  'scenario:create',
  'conversation:read:all',
  'scenario:update',
  'scenario:delete',
  'analytics:read:all',
  'user:read:all',
  'user:manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const USER: Permission[] = [
  'conversation:read:own',
  'conversation:write:own',
  'conversation:delete:own',
  'scenario:read',
  'analytics:read:own',
];
const PREMIUM: Permission[] = [...USER, 'scenario:create'];
const ADMIN: Permission[] = [
  ...PREMIUM,
  'conversation:read:all',
  'scenario:update',
  'scenario:delete',
  'analytics:read:all',
  'user:read:all',
];
const SUPER_ADMIN: Permission[] = [...ADMIN, 'user:manage'];

export const ROLE_PERMISSIONS: Readonly<Record<Role, ReadonlySet<Permission>>> = {
  user: new Set(USER),
  premium_user: new Set(PREMIUM),
  admin: new Set(ADMIN),
  super_admin: new Set(SUPER_ADMIN),
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].has(permission);
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
