import { loadConfig } from '../../../config';
import { JwtSecretError, resolveJwtSecret, type SecretReader } from './jwt-secret';

const reader = (value?: string): SecretReader => ({ provider: 'env', get: async () => value });
const config = (env: string) => loadConfig({ NODE_ENV: env });

describe('resolveJwtSecret', () => {
  it('refuses to start production without a secret or with one under 32 bytes', async () => {
    const warn = jest.fn();
    await expect(resolveJwtSecret(config('production'), reader(), warn)).rejects.toThrow(JwtSecretError);
    await expect(resolveJwtSecret(config('production'), reader('x'.repeat(31)), warn)).rejects.toThrow(
      /at least 32 bytes.*31/,
    );
    // Bytes, not characters: 11 three-byte characters are 33 bytes.
    await expect(resolveJwtSecret(config('production'), reader('秘'.repeat(11)), warn)).resolves.toBe(
      '秘'.repeat(11),
    );
    expect(warn).not.toHaveBeenCalled();
  });

  it('never puts the secret in its messages', async () => {
    const short = 'short-secret-value';
    const error = await resolveJwtSecret(config('production'), reader(short), jest.fn()).catch(
      (e: Error) => e,
    );
    expect(String(error)).not.toContain(short);
    const warn = jest.fn();
    await resolveJwtSecret(config('development'), reader(short), warn);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(warn.mock.calls)).not.toContain(short);
  });

  it('outside production generates one secret per process and says so once, without the value', async () => {
    const warn = jest.fn();
    const first = await resolveJwtSecret(config('development'), reader(), warn);
    const second = await resolveJwtSecret(config('test'), reader(), warn);
    expect(second).toBe(first);
    expect(Buffer.byteLength(first)).toBeGreaterThanOrEqual(32);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toMatch(/generated/);
    expect(warn.mock.calls[0][0]).not.toContain(first);
  });
});
