import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'access:public';
/** Marks a route as open to anyone. Every other route must declare the permissions it needs. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
