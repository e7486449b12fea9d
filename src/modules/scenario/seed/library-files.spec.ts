import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LibraryError, loadLibrary, parseLibraryFile, resolveLibraryDir } from './library-files';

const VALID = `
slug: sample-scenario
locale: en
title: A sample
description: A sample scenario.
difficulty: beginner
category: meetings
tags: [sample]
character:
  personality: calm
  speakingStyle: plain
  situation: a meeting room
  initialApproach: Hello.
learningPoints: [one]
feedbackPoints: [one]
`;

describe('library files', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'library-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('parses a file into its slug and content', () => {
    const scenario = parseLibraryFile('sample-scenario.yaml', VALID);
    expect(scenario.name).toBe('sample-scenario');
    expect(scenario.slug).toBe('sample-scenario');
    expect(scenario.content).toMatchObject({
      title: 'A sample',
      roleType: 'standard',
      sensitive: false,
      aiRole: '',
    });
  });

  it('rejects a file without slug, with visibility, with unknown fields or invalid values', () => {
    expect(() => parseLibraryFile('x.yaml', VALID.replace('slug: sample-scenario', ''))).toThrow(
      'slug is required',
    );
    expect(() => parseLibraryFile('x.yaml', `${VALID}visibility: private\n`)).toThrow(
      'visibility is not allowed',
    );
    expect(() => parseLibraryFile('x.yaml', `${VALID}colour: blue\n`)).toThrow('colour');
    expect(() =>
      parseLibraryFile('x.yaml', VALID.replace('difficulty: beginner', 'difficulty: easy')),
    ).toThrow('difficulty');
    expect(() => parseLibraryFile('x.yaml', VALID.replace('  personality: calm\n', ''))).toThrow(
      'character.personality',
    );
  });

  it('reports every bad file at once and refuses duplicate slugs', () => {
    writeFileSync(join(root, 'a.yaml'), VALID);
    writeFileSync(join(root, 'b.yaml'), VALID);
    writeFileSync(join(root, 'c.yaml'), 'title: [unclosed');
    let error: unknown;
    try {
      loadLibrary(root);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LibraryError);
    expect((error as Error).message).toContain('b.yaml: slug "sample-scenario" is also used by a.yaml');
    expect((error as Error).message).toContain('c.yaml:');
  });

  it('refuses an empty library', () => {
    expect(() => loadLibrary(root)).toThrow('has no YAML files');
  });

  it('finds the library beside the code when running from source', () => {
    const seed = join(root, 'src', 'modules', 'scenario', 'seed');
    mkdirSync(seed, { recursive: true });
    mkdirSync(join(root, 'src', 'modules', 'scenario', 'library'));
    expect(resolveLibraryDir(seed)).toBe(join(root, 'src', 'modules', 'scenario', 'library'));
  });

  it('finds the source library from the compiled build, which holds no YAML', () => {
    writeFileSync(join(root, 'package.json'), '{}');
    mkdirSync(join(root, 'src', 'modules', 'scenario', 'library'), { recursive: true });
    const compiledSeed = join(root, 'dist', 'src', 'modules', 'scenario', 'seed');
    mkdirSync(compiledSeed, { recursive: true });
    expect(resolveLibraryDir(compiledSeed)).toBe(join(root, 'src', 'modules', 'scenario', 'library'));
  });

  it('says where it looked when the library is missing', () => {
    const compiledSeed = join(root, 'dist', 'src', 'modules', 'scenario', 'seed');
    mkdirSync(compiledSeed, { recursive: true });
    expect(() => resolveLibraryDir(compiledSeed)).toThrow(LibraryError);
  });
});
