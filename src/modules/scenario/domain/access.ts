import { can, type Principal } from '../../auth';
import type { Visibility } from './scenario-content';

export interface OwnedScenario {
  visibility: Visibility;
  createdBy: string | null;
}

/**
 * Whoever may edit any scenario (admins) also sees every scenario and may publish one:
 * the permission table has no separate "publish" or "read all" permission for scenarios.
 */
export function moderatesScenarios(principal: Principal): boolean {
  return can(principal.role, 'scenario:update');
}

export function canSeeScenario(scenario: OwnedScenario, principal: Principal): boolean {
  return (
    scenario.visibility === 'public' ||
    scenario.createdBy === principal.userId ||
    moderatesScenarios(principal)
  );
}

/** The creator may always change their own scenario, with or without `scenario:update`. */
export function canUpdateScenario(scenario: OwnedScenario, principal: Principal): boolean {
  return scenario.createdBy === principal.userId || can(principal.role, 'scenario:update');
}

export function canDeleteScenario(scenario: OwnedScenario, principal: Principal): boolean {
  return scenario.createdBy === principal.userId || can(principal.role, 'scenario:delete');
}

export function canPublishScenario(principal: Principal): boolean {
  return moderatesScenarios(principal);
}
