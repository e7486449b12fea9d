import { Global, Module } from '@nestjs/common';
import { ExpiringStore } from './expiring-store';

@Global()
@Module({ providers: [ExpiringStore], exports: [ExpiringStore] })
export class ExpiringStoreModule {}
