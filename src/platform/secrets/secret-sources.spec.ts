import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../config';
import { secretSourceFor } from './secret-manager';
import { EnvSecretSource, FileSecretSource, SecretSourceError } from './secret-sources';

describe('secret sources', () => {
  const dir = mkdtempSync(join(tmpdir(), 'secret-sources-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('env: answers the configured values, nothing for empty ones', async () => {
    const source = new EnvSecretSource({ JWT_SECRET: 'from-env', OPENAI_API_KEY: '' });
    await expect(source.get('JWT_SECRET')).resolves.toBe('from-env');
    await expect(source.get('OPENAI_API_KEY')).resolves.toBeUndefined();
  });

  it('file: reads the file, drops one final newline, and falls back to the plain value', async () => {
    writeFileSync(join(dir, 'jwt'), 'from-file\r\n');
    writeFileSync(join(dir, 'empty'), '\n');
    const source = new FileSecretSource(
      { JWT_SECRET: join(dir, 'jwt'), OPENAI_API_KEY: join(dir, 'empty') },
      { GEMINI_API_KEY: 'plain' },
    );
    await expect(source.get('JWT_SECRET')).resolves.toBe('from-file');
    await expect(source.get('OPENAI_API_KEY')).resolves.toBeUndefined();
    await expect(source.get('GEMINI_API_KEY')).resolves.toBe('plain');
    await expect(
      new FileSecretSource({ JWT_SECRET: join(dir, 'missing') }).get('JWT_SECRET'),
    ).rejects.toBeInstanceOf(SecretSourceError);
  });

  it('picks the provider SECRETS_PROVIDER names, and refuses vault without its address or token', () => {
    expect(secretSourceFor(loadConfig({})).kind).toBe('env');
    expect(secretSourceFor(loadConfig({ SECRETS_PROVIDER: 'file' })).kind).toBe('file');
    expect(
      secretSourceFor(
        loadConfig({ SECRETS_PROVIDER: 'vault', VAULT_ADDR: 'http://vault:8200', VAULT_TOKEN: 't' }),
      ).kind,
    ).toBe('vault');
    expect(() => secretSourceFor(loadConfig({ SECRETS_PROVIDER: 'vault', VAULT_TOKEN: 't' }))).toThrow(
      /VAULT_ADDR/,
    );
    expect(() =>
      secretSourceFor(loadConfig({ SECRETS_PROVIDER: 'vault', VAULT_ADDR: 'http://vault:8200' })),
    ).toThrow(/VAULT_TOKEN/);
  });
});
