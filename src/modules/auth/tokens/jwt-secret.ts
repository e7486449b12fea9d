import { randomBytes } from 'node:crypto';
import type { AppConfig } from '../../../config';

export const MIN_JWT_SECRET_BYTES = 32;

/** Minimal view of the secret manager, so the rule below is testable on its own. */
export interface SecretReader {
  readonly provider: string;
  get(name: 'JWT_SECRET'): Promise<string | undefined>;
}

export class JwtSecretError extends Error {}

// One generated secret per process, announced once, so that app instances sharing a process agree.
let generated: string | undefined;

/**
 * The key that signs access tokens. In production a missing or short secret stops the start; elsewhere a
 * missing one is generated (tokens then die with the process) and a short one is accepted with a warning.
 */
export async function resolveJwtSecret(
  config: AppConfig,
  secrets: SecretReader,
  warn: (message: string) => void,
): Promise<string> {
  const secret = await secrets.get('JWT_SECRET');
  const bytes = secret ? Buffer.byteLength(secret, 'utf8') : 0;
  if (config.app.env === 'production') {
    if (!secret)
      throw new JwtSecretError(`JWT_SECRET is required in production (provider: ${secrets.provider}).`);
    if (bytes < MIN_JWT_SECRET_BYTES) {
      throw new JwtSecretError(
        `JWT_SECRET must be at least ${MIN_JWT_SECRET_BYTES} bytes in production; it has ${bytes}.`,
      );
    }
    return secret;
  }
  if (secret) {
    if (bytes < MIN_JWT_SECRET_BYTES)
      warn(`JWT_SECRET is shorter than ${MIN_JWT_SECRET_BYTES} bytes; production refuses such a secret.`);
    return secret;
  }
  if (!generated) {
    generated = randomBytes(48).toString('base64url');
    warn(
      'JWT_SECRET is not set: generated a random one for this process. Tokens will not survive a restart or work across instances.',
    );
  }
  return generated;
}
