import { Controller, Get } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Authenticated, Public } from '../../../platform/http/public.decorator';
import { RequirePermissions } from '../decorators';
import { accessRuleOf, type AccessTarget } from './access-metadata';

@Controller()
@RequirePermissions('user:read:all')
class AdminThings {
  @Get() inherits(): void {}
  @Public() @Get() open(): void {}
  @Authenticated() @Get() anyone(): void {}
  @RequirePermissions('user:manage', 'user:read:all') @Get() stricter(): void {}
}

@Controller()
class Plain {
  @Get() nothing(): void {}
  @Authenticated() @Get() signedIn(): void {}
}

@Public()
@Controller()
class Open {
  @RequirePermissions('scenario:create') @Get() guarded(): void {}
  @Get() open(): void {}
}

const rule = (cls: AccessTarget, method: string) =>
  accessRuleOf(new Reflector(), [(cls.prototype as Record<string, AccessTarget>)[method], cls]);

describe('accessRuleOf', () => {
  it('reads the method, then its class', () => {
    expect(rule(AdminThings, 'inherits')).toEqual({ kind: 'permissions', permissions: ['user:read:all'] });
    expect(rule(AdminThings, 'stricter')).toEqual({
      kind: 'permissions',
      permissions: ['user:manage', 'user:read:all'],
    });
    expect(rule(Plain, 'signedIn')).toEqual({ kind: 'authenticated' });
  });

  it('lets a method open or narrow what its class declares', () => {
    expect(rule(AdminThings, 'open')).toEqual({ kind: 'public' });
    expect(rule(AdminThings, 'anyone')).toEqual({ kind: 'authenticated' });
    expect(rule(Open, 'guarded')).toEqual({ kind: 'permissions', permissions: ['scenario:create'] });
    expect(rule(Open, 'open')).toEqual({ kind: 'public' });
  });

  it('finds nothing on a route that declares nothing: such a route is refused', () => {
    expect(rule(Plain, 'nothing')).toEqual({ kind: 'undeclared' });
  });
});
