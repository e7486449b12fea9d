import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'access:public';
/** Marks a route as open to anyone. Every other route must declare the permissions it needs. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

export const IS_AUTHENTICATED_ONLY = 'access:authenticated';
/** Marks a route as open to any authenticated caller, whatever their role (for platform routes that name no permission). */
export const Authenticated = (): MethodDecorator & ClassDecorator => SetMetadata(IS_AUTHENTICATED_ONLY, true);
