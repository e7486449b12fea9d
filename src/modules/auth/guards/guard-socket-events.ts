import { UseGuards } from '@nestjs/common';
import { JwtAuthGuard } from './jwt-auth.guard';
import { PermissionsGuard } from './permissions.guard';

/**
 * Nest applies global guards to HTTP routes only; a gateway opts its socket handlers into the same two
 * guards with this (the handshake authenticates, the guards re-check and enforce the declared permissions).
 */
export const GuardSocketEvents = (): ClassDecorator => UseGuards(JwtAuthGuard, PermissionsGuard);
