import { Global, Module } from '@nestjs/common';
import { SecretManager } from './secret-manager';

@Global()
@Module({ providers: [SecretManager], exports: [SecretManager] })
export class SecretsModule {}
