import { readFile } from 'node:fs/promises';

/** The secrets the service reads through the secret manager, named as their environment variables. */
export const SECRET_NAMES = ['JWT_SECRET', 'GEMINI_API_KEY', 'OPENAI_API_KEY'] as const;
export type SecretName = (typeof SECRET_NAMES)[number];

export class SecretSourceError extends Error {}

export interface SecretSource {
  readonly kind: 'env' | 'file' | 'vault';
  get(name: SecretName): Promise<string | undefined>;
}

/** Values given directly in the environment (read by the config layer, never here). */
export class EnvSecretSource implements SecretSource {
  readonly kind = 'env';

  constructor(private readonly values: Partial<Record<SecretName, string>>) {}

  async get(name: SecretName): Promise<string | undefined> {
    return this.values[name] || undefined;
  }
}

/**
 * `*_FILE` variables pointing at mounted files (Docker and Kubernetes secrets). One trailing newline is dropped.
 * A secret without a `*_FILE` variable falls back to its plain variable, as Docker's official images do.
 */
export class FileSecretSource implements SecretSource {
  readonly kind = 'file';

  constructor(
    private readonly paths: Partial<Record<SecretName, string>>,
    private readonly fallback: Partial<Record<SecretName, string>> = {},
  ) {}

  async get(name: SecretName): Promise<string | undefined> {
    const path = this.paths[name];
    if (!path) return this.fallback[name] || undefined;
    try {
      const content = (await readFile(path, 'utf8')).replace(/\r?\n$/, '');
      return content || undefined;
    } catch (e) {
      throw new SecretSourceError(
        `${name}_FILE could not be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
      );
    }
  }
}

export interface VaultOptions {
  addr: string;
  token: string;
  mount: string;
  path: string;
  timeoutMs?: number;
}

/**
 * One KV version 2 secret in HashiCorp Vault (`GET /v1/<mount>/data/<path>`), whose keys are the secret
 * names (JWT_SECRET, ...). Read once and kept for the life of the process; a failed read is retried next time.
 */
export class VaultSecretSource implements SecretSource {
  readonly kind = 'vault';
  private data?: Promise<Record<string, unknown>>;

  constructor(private readonly options: VaultOptions) {}

  async get(name: SecretName): Promise<string | undefined> {
    this.data ??= this.read().catch((e: unknown) => {
      this.data = undefined;
      throw e;
    });
    const value = (await this.data)[name];
    return typeof value === 'string' && value ? value : undefined;
  }

  private async read(): Promise<Record<string, unknown>> {
    const { addr, token, mount, path, timeoutMs = 5000 } = this.options;
    const url = `${addr.replace(/\/+$/, '')}/v1/${encodeURIComponent(mount)}/data/${path.split('/').map(encodeURIComponent).join('/')}`;
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { 'X-Vault-Token': token },
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (e) {
      throw new SecretSourceError(`Vault at ${addr} did not answer: ${(e as Error).message}`);
    }
    if (!response.ok) {
      throw new SecretSourceError(`Vault answered ${response.status} for ${mount}/${path}`);
    }
    const body = (await response.json().catch(() => undefined)) as { data?: { data?: unknown } } | undefined;
    const data = body?.data?.data;
    if (!data || typeof data !== 'object') {
      throw new SecretSourceError(`Vault's answer for ${mount}/${path} is not a KV version 2 secret`);
    }
    return data as Record<string, unknown>;
  }
}
