import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { parse } from 'yaml';
import type { ScenarioContent } from '../domain/scenario-content';
import { CreateScenarioDto } from '../dto/create-scenario.dto';
import { contentFromInput } from '../scenario.mapper';

const LIBRARY_IN_PROJECT = join('src', 'modules', 'scenario', 'library');

export interface LibraryScenario {
  /** File name without extension: the stable key of the scenario. */
  name: string;
  slug: string;
  content: ScenarioContent;
}

export class LibraryError extends Error {}

/**
 * Where the built-in YAML files are. From source (tests) they sit next to this folder. The compiled build
 * (dist/src/...) holds only JavaScript, since the TypeScript compiler copies no YAML, so it reads them from
 * src/modules/scenario/library under the project root (the nearest folder up with a package.json):
 * a deployment ships that folder with dist.
 */
export function resolveLibraryDir(from = __dirname): string {
  const beside = join(from, '..', 'library');
  if (existsSync(beside)) return beside;
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) {
      const inProject = join(dir, LIBRARY_IN_PROJECT);
      if (existsSync(inProject)) return inProject;
    }
    if (dirname(dir) === dir) break;
  }
  throw new LibraryError(
    `The scenario library was not found (looked for ${LIBRARY_IN_PROJECT} above ${from}).`,
  );
}

/** Reads and checks every library file; throws one error listing every problem, since a bad library is a build bug. */
export function loadLibrary(dir: string): LibraryScenario[] {
  const files = readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
  if (files.length === 0) throw new LibraryError(`The scenario library in ${dir} has no YAML files.`);
  const problems: string[] = [];
  const scenarios: LibraryScenario[] = [];
  const bySlug = new Map<string, string>();
  for (const file of files) {
    try {
      const scenario = parseLibraryFile(file, readFileSync(join(dir, file), 'utf8'));
      const other = bySlug.get(scenario.slug);
      if (other) throw new LibraryError(`slug "${scenario.slug}" is also used by ${other}`);
      bySlug.set(scenario.slug, file);
      scenarios.push(scenario);
    } catch (e) {
      problems.push(`${file}: ${(e as Error).message}`);
    }
  }
  if (problems.length)
    throw new LibraryError(`The scenario library is invalid:\n  - ${problems.join('\n  - ')}`);
  return scenarios;
}

/** One library file: the Scenario shape of the API (camelCase) with a required slug and no visibility. */
export function parseLibraryFile(file: string, text: string): LibraryScenario {
  const raw: unknown = parse(text);
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    throw new LibraryError('expected one scenario (a mapping)');
  const fields = raw as Record<string, unknown>;
  if (typeof fields.slug !== 'string') throw new LibraryError('slug is required');
  if ('visibility' in fields)
    throw new LibraryError('visibility is not allowed: the library is always public');
  const input = plainToInstance(CreateScenarioDto, fields);
  const errors = validateSync(input, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length) throw new LibraryError(describe(errors).join('; '));
  return {
    name: basename(file).replace(/\.ya?ml$/, ''),
    slug: input.slug!,
    content: contentFromInput(input),
  };
}

function describe(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    return [
      ...Object.values(e.constraints ?? {}).map((m) => `${field}: ${m}`),
      ...describe(e.children ?? [], field),
    ];
  });
}
