import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiKey } from './api-key';

describe('ApiKey', () => {
  it('prefers the value, else reads the file trimmed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'llm-key-'));
    const file = join(dir, 'key');
    writeFileSync(file, '  from-file\n');
    expect(new ApiKey('Gemini', 'direct', file).resolve()).toBe('direct');
    expect(new ApiKey('Gemini', undefined, file).resolve()).toBe('from-file');
  });

  it('fails as unconfigured without a key or with an unreadable file, never echoing a path or key', () => {
    expect(new ApiKey('Gemini').present).toBe(false);
    expect(() => new ApiKey('Gemini').resolve()).toThrow(expect.objectContaining({ kind: 'unconfigured' }));
    const missing = new ApiKey('OpenAI', undefined, '/nonexistent/secret-key-file');
    expect(() => missing.resolve()).toThrow(
      expect.objectContaining({ kind: 'unconfigured', message: expect.not.stringContaining('/nonexistent') }),
    );
  });
});
