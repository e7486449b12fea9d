import { readFileSync } from 'node:fs';
import { ProviderFailure } from '../provider-failure';

/**
 * Resolves a key given directly or as a *_FILE path (a mounted secret), read once and trimmed.
 * Reading lazily lets the rest of the app start when one provider's secret is missing; that provider then
 * counts as unconfigured and the chain moves on.
 */
export class ApiKey {
  private cached: string | undefined;

  constructor(
    private readonly label: string,
    private readonly value?: string,
    private readonly file?: string,
  ) {}

  get present(): boolean {
    return Boolean(this.value || this.file);
  }

  resolve(): string {
    if (this.cached) return this.cached;
    let key = this.value?.trim();
    if (!key && this.file) {
      try {
        key = readFileSync(this.file, 'utf8').trim();
      } catch (e) {
        throw new ProviderFailure(
          'unconfigured',
          `${this.label} key file cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
        );
      }
    }
    if (!key) throw new ProviderFailure('unconfigured', `${this.label} has no API key`);
    this.cached = key;
    return key;
  }
}
