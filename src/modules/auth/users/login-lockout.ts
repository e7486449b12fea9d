import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectConfig, type AppConfig } from '../../../config';
import { ExpiringStore } from '../../../platform/expiring-store/expiring-store';
import { RateLimitedError } from '../../../shared';

/**
 * Brute-force protection per account, whatever the client address: after LOGIN_MAX_FAILURES failed sign-ins
 * within the window, the account refuses every sign-in, even a correct one, until the window closes.
 * Attempts are counted before the password is checked, so parallel guesses cannot slip past the count.
 * Unknown emails are counted the same way, so the lockout does not reveal which accounts exist.
 * Independent of RATE_LIMIT_ENABLED.
 */
@Injectable()
export class LoginLockout {
  constructor(
    private readonly store: ExpiringStore,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  /** Counts an attempt; throws RateLimitedError when the account is locked. */
  async attempt(email: string): Promise<void> {
    const { loginMaxFailures, loginLockoutWindowSeconds } = this.config.auth;
    const { count, resetInMs } = await this.store.hit(this.key(email), loginLockoutWindowSeconds * 1000);
    if (count > loginMaxFailures) {
      throw new RateLimitedError(
        Math.max(1, Math.ceil(resetInMs / 1000)),
        'Too many failed sign-in attempts for this account. Try again later.',
      );
    }
  }

  /** A correct password: the attempts so far no longer count against the account. */
  async succeeded(email: string): Promise<void> {
    await this.store.delete(this.key(email));
  }

  private key(email: string): string {
    return `login-attempts:${createHash('sha256').update(email).digest('hex')}`;
  }
}
