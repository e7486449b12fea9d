import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config';
import { SecretManager } from '../../src/platform/secrets/secret-manager';
import { SecretSourceError, VaultSecretSource } from '../../src/platform/secrets/secret-sources';
import { startApp, type RunningApp } from '../helpers/app';
import { registerUser } from '../helpers/auth';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { startFakeVault, type FakeVault } from './support/fake-vault';

const VAULT_TOKEN = 'hvs.test-token';
const VAULT_JWT_SECRET = 'jwt-secret-kept-in-vault-and-long-enough-0123456789';
const FILE_JWT_SECRET = 'jwt-secret-kept-in-a-mounted-file-long-enough-987';

/** Whether the token's HS256 signature was made with this secret. */
function signedWith(token: string, secret: string): boolean {
  const [head, payload, signature] = token.split('.');
  return createHmac('sha256', secret).update(`${head}.${payload}`).digest('base64url') === signature;
}

describe('secrets', () => {
  let vault: FakeVault;
  let db: TestDatabase;
  const apps: RunningApp[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'wr-secrets-'));

  beforeAll(async () => {
    vault = await startFakeVault({
      token: VAULT_TOKEN,
      mount: 'kv',
      secrets: {
        'apps/workplace-roleplay': { JWT_SECRET: VAULT_JWT_SECRET, GEMINI_API_KEY: 'gemini-key-from-vault' },
      },
    });
    db = await createTestDatabase('secrets');
  });
  afterAll(async () => {
    await Promise.all(apps.map((a) => a.close()));
    await vault?.close();
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('the Vault provider (KV version 2 over HTTP)', () => {
    const source = (token = VAULT_TOKEN, path = 'apps/workplace-roleplay') =>
      new VaultSecretSource({ addr: vault.addr, token, mount: 'kv', path });

    it('reads the keys of one secret with the configured token, mount and path, once', async () => {
      vault.requests.length = 0;
      const s = source();
      await expect(s.get('JWT_SECRET')).resolves.toBe(VAULT_JWT_SECRET);
      await expect(s.get('GEMINI_API_KEY')).resolves.toBe('gemini-key-from-vault');
      await expect(s.get('OPENAI_API_KEY')).resolves.toBeUndefined();
      expect(vault.requests).toEqual([
        { method: 'GET', path: '/v1/kv/data/apps/workplace-roleplay', token: VAULT_TOKEN },
      ]);
    });

    it('fails loudly, without the token, on a refused token, a missing secret or no server', async () => {
      const refused = await source('hvs.wrong')
        .get('JWT_SECRET')
        .catch((e: Error) => e);
      expect(refused).toBeInstanceOf(SecretSourceError);
      expect(String(refused)).toMatch(/403/);
      expect(String(refused)).not.toContain('hvs.wrong');
      await expect(source(VAULT_TOKEN, 'apps/none').get('JWT_SECRET')).rejects.toThrow(/404/);
      const down = new VaultSecretSource({
        addr: 'http://127.0.0.1:9',
        token: VAULT_TOKEN,
        mount: 'kv',
        path: 'x',
        timeoutMs: 1000,
      });
      await expect(down.get('JWT_SECRET')).rejects.toThrow(/did not answer/);
    });

    it('signs the tokens of an app started with SECRETS_PROVIDER=vault', async () => {
      const app = await startApp({
        DATABASE_URL: db.url,
        JWT_SECRET: undefined,
        SECRETS_PROVIDER: 'vault',
        VAULT_ADDR: vault.addr,
        VAULT_TOKEN,
        VAULT_MOUNT: 'kv',
        VAULT_PATH: 'apps/workplace-roleplay',
      });
      apps.push(app);
      const user = await registerUser(app);
      expect(signedWith(user.accessToken, VAULT_JWT_SECRET)).toBe(true);
      await expect(app.app.get(SecretManager).get('GEMINI_API_KEY')).resolves.toBe('gemini-key-from-vault');
    });
  });

  describe('the file provider', () => {
    it('reads *_FILE variables (dropping the final newline) and falls back to the plain variable', async () => {
      const file = join(dir, 'jwt_secret');
      writeFileSync(file, `${FILE_JWT_SECRET}\n`);
      const app = await startApp({
        DATABASE_URL: db.url,
        JWT_SECRET: undefined,
        SECRETS_PROVIDER: 'file',
        JWT_SECRET_FILE: file,
        OPENAI_API_KEY: 'plain-openai-key',
      });
      apps.push(app);
      const user = await registerUser(app);
      expect(signedWith(user.accessToken, FILE_JWT_SECRET)).toBe(true);
      await expect(app.app.get(SecretManager).get('OPENAI_API_KEY')).resolves.toBe('plain-openai-key');
    });

    it('names the variable whose file cannot be read', async () => {
      const manager = new SecretManager(
        loadConfig({ SECRETS_PROVIDER: 'file', JWT_SECRET_FILE: join(dir, 'missing') }),
      );
      await expect(manager.get('JWT_SECRET')).rejects.toThrow(/JWT_SECRET_FILE could not be read \(ENOENT\)/);
    });
  });

  describe('the JWT secret at start', () => {
    it('is refused in production when missing or shorter than 32 bytes', async () => {
      await expect(
        startApp({ DATABASE_URL: db.url, NODE_ENV: 'production', JWT_SECRET: undefined }),
      ).rejects.toThrow(/JWT_SECRET is required/);
      await expect(
        startApp({ DATABASE_URL: db.url, NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(31) }),
      ).rejects.toThrow(/at least 32 bytes/);
    });

    it('is generated in development, so a first run needs no setup', async () => {
      const app = await startApp({ DATABASE_URL: db.url, NODE_ENV: 'development', JWT_SECRET: undefined });
      apps.push(app);
      const user = await registerUser(app);
      expect(user.accessToken.split('.')).toHaveLength(3);
    });
  });
});
