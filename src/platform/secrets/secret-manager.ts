import { readFileSync } from 'node:fs';
import { Injectable } from '@nestjs/common';
import { InjectConfig, type AppConfig } from '../../config';
import {
  EnvSecretSource,
  FileSecretSource,
  SecretSourceError,
  VaultSecretSource,
  type SecretName,
  type SecretSource,
} from './secret-sources';

/** Builds the source SECRETS_PROVIDER names. */
export function secretSourceFor(config: AppConfig): SecretSource {
  const { auth, llm, secrets } = config;
  const plain = {
    JWT_SECRET: auth.jwtSecret,
    GEMINI_API_KEY: llm.gemini.apiKey,
    OPENAI_API_KEY: llm.openai.apiKey,
  };
  switch (secrets.provider) {
    case 'file':
      return new FileSecretSource(
        {
          JWT_SECRET: auth.jwtSecretFile,
          GEMINI_API_KEY: llm.gemini.apiKeyFile,
          OPENAI_API_KEY: llm.openai.apiKeyFile,
        },
        plain,
      );
    case 'vault': {
      const { addr, token, tokenFile, mount, path } = secrets.vault;
      if (!addr) throw new SecretSourceError('SECRETS_PROVIDER=vault needs VAULT_ADDR');
      const vaultToken = token ?? (tokenFile ? readFileSync(tokenFile, 'utf8').trim() : undefined);
      if (!vaultToken)
        throw new SecretSourceError('SECRETS_PROVIDER=vault needs VAULT_TOKEN or VAULT_TOKEN_FILE');
      return new VaultSecretSource({ addr, token: vaultToken, mount, path });
    }
    default:
      return new EnvSecretSource(plain);
  }
}

/** Where secrets come from: the environment (default), mounted files, or HashiCorp Vault, per SECRETS_PROVIDER. */
@Injectable()
export class SecretManager {
  private readonly source: SecretSource;

  constructor(@InjectConfig() config: AppConfig) {
    this.source = secretSourceFor(config);
  }

  get provider(): SecretSource['kind'] {
    return this.source.kind;
  }

  /** The secret's value, or undefined when the provider has none. Throws SecretSourceError when the provider fails. */
  get(name: SecretName): Promise<string | undefined> {
    return this.source.get(name);
  }
}
