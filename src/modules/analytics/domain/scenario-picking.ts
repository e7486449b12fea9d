import type { SkillAxis } from '../../conversation';
import type { Category } from '../../scenario';

/** Catalogue categories that train each axis, the best fit first. */
export const AXIS_CATEGORIES: Record<SkillAxis, Category[]> = {
  empathy: ['customer', 'conflict'],
  clarity: ['reporting', 'meetings'],
  activeListening: ['feedback', 'meetings'],
  adaptability: ['conflict', 'remote-work'],
  positivity: ['small-talk', 'feedback'],
  professionalism: ['customer', 'reporting'],
};

export interface CandidateScenario {
  id: string;
  category: string;
}

/**
 * Up to `max` scenarios, taking turns between the focus axes; for each axis its categories in order and each
 * category's scenarios in catalogue order. Scenarios the learner already practised come last.
 */
export function pickScenarios<T extends CandidateScenario>(
  focus: SkillAxis[],
  byCategory: ReadonlyMap<string, T[]>,
  practised: ReadonlySet<string>,
  max = 3,
): T[] {
  const queues = focus.map((axis) => AXIS_CATEGORIES[axis].flatMap((c) => byCategory.get(c) ?? []));
  const picked: T[] = [];
  const taken = new Set<string>();
  for (const fresh of [true, false]) {
    let progressed = true;
    while (picked.length < max && progressed) {
      progressed = false;
      for (const queue of queues) {
        if (picked.length >= max) break;
        const next = queue.find((s) => !taken.has(s.id) && practised.has(s.id) !== fresh);
        if (!next) continue;
        picked.push(next);
        taken.add(next.id);
        progressed = true;
      }
    }
  }
  return picked;
}
