export { AuthModule } from './auth.module';
export { RequirePermissions, CurrentUser } from './decorators';
export type { Principal } from './principal';
export { can, ROLES, PERMISSIONS, type Role, type Permission } from './domain/permissions';
