import { resolve } from 'node:path';
import { ConfigError, loadConfig } from './app-config';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['NODE_ENV', 'staging'],
    ['DATABASE_URL', 'mysql://localhost/db'],
    ['REDIS_URL', 'http://x'],
    ['LLM_PROVIDERS', 'foo'],
    ['LLM_PROVIDERS', 'offline,,gemini'],
    ['DEFAULT_MODEL', 'gemini-2.5-flash'],
    ['RATE_LIMIT_ENABLED', 'maybe'],
    ['TRUST_PROXY', 'yes'],
    ['BODY_LIMIT_BYTES', '10'],
    ['SECRETS_PROVIDER', 'keychain'],
    ['OPENAI_BASE_URL', 'not a url'],
  ])('refuses %s=%s and names the variable', (name, value) => {
    const problems = problemsOf({ [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${name}: `));
  });

  it('names every wrong variable at once, in its message too', () => {
    const error = (() => {
      try {
        return loadConfig({ PORT: 'abc', REDIS_URL: 'http://x', LLM_PROVIDERS: 'foo' });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    for (const name of ['PORT', 'REDIS_URL', 'LLM_PROVIDERS']) expect(message).toContain(name);
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ PORT: '', REDIS_URL: '' }).app.port).toBe(3000);
    expect(loadConfig({ REDIS_URL: '' }).redis.url).toBeUndefined();
  });

  it('falls back to the documented defaults with an empty environment', () => {
    const c = loadConfig({});
    expect(c.app).toEqual({
      env: 'development',
      port: 3000,
      host: '0.0.0.0',
      logLevel: 'info',
      corsOrigins: [],
      trustProxy: false,
      bodyLimitBytes: 1024 * 1024,
      shutdownGraceMs: 10000,
    });
    expect(c.database).toEqual({
      url: undefined,
      urlFile: undefined,
      poolSize: 10,
      embeddedDir: resolve('.data/postgres'),
      embeddedPort: 54329,
    });
    expect(c.redis).toEqual({ url: undefined, keyPrefix: 'wr:' });
    expect(c.secrets.provider).toBe('env');
    expect(c.llm.providers).toEqual(['offline']);
    expect(c.llm.defaultModel).toBe('offline/coach');
    expect(c.llm.models.chat).toBe('offline/coach');
    expect(c.rateLimit).toEqual({
      enabled: true,
      perMinute: 50,
      perHour: 200,
      messagePerMinute: 30,
      scenarioStartPerMinute: 10,
      watchStartPerMinute: 5,
      analyticsPerHour: 100,
    });
    expect(c.auth.accessTtlSeconds).toBe(1800);
    expect(c.auth.refreshTtlSeconds).toBe(7 * 86400);
  });

  it('is silent by default under test', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).app.logLevel).toBe('silent');
    expect(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'debug' }).app.logLevel).toBe('debug');
  });

  it('converts numbers, booleans and lists', () => {
    const c = loadConfig({
      PORT: '8080',
      RATE_LIMIT_ENABLED: 'false',
      JOBS_RUN_WORKER: '0',
      CORS_ORIGINS: 'https://a.example, https://b.example',
      TRUST_PROXY: '2',
    });
    expect(c.app.port).toBe(8080);
    expect(c.rateLimit.enabled).toBe(false);
    expect(c.analytics.runWorker).toBe(false);
    expect(c.app.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(c.app.trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: 'true' }).app.trustProxy).toBe(true);
  });

  it('derives the default model from the first provider and lets each mode override it', () => {
    const c = loadConfig({ LLM_PROVIDERS: 'gemini,openai,offline', WATCH_MODEL: 'openai/gpt-4o' });
    expect(c.llm.providers).toEqual(['gemini', 'openai', 'offline']);
    expect(c.llm.defaultModel).toBe('gemini/gemini-2.5-flash');
    expect(c.llm.models.chat).toBe('gemini/gemini-2.5-flash');
    expect(c.llm.models.watch).toBe('openai/gpt-4o');
    expect(
      loadConfig({ LLM_PROVIDERS: 'openai', DEFAULT_MODEL: 'openai/llama3.1:8b' }).llm.models.feedback,
    ).toBe('openai/llama3.1:8b');
  });
});
