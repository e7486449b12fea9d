import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { EnvironmentVariables } from './env.schema';

export type LlmMode = 'chat' | 'scenario' | 'watch' | 'feedback' | 'analysis';
export type ProviderName = 'offline' | 'gemini' | 'openai';

/** The typed configuration, one namespace a concern. Built once at boot from the environment. */
export interface AppConfig {
  app: {
    env: 'development' | 'production' | 'test';
    port: number;
    host: string;
    logLevel: string;
    corsOrigins: string[];
    trustProxy: boolean | number;
    bodyLimitBytes: number;
    shutdownGraceMs: number;
  };
  database: {
    url?: string;
    urlFile?: string;
    poolSize: number;
    embeddedDir: string;
    embeddedPort: number;
  };
  redis: { url?: string; keyPrefix: string };
  cache: { defaultTtlSeconds: number; localMaxEntries: number };
  health: { timeoutMs: number };
  secrets: {
    provider: 'env' | 'file' | 'vault';
    vault: { addr?: string; token?: string; tokenFile?: string; mount: string; path: string };
  };
  auth: {
    jwtSecret?: string;
    jwtSecretFile?: string;
    accessTtlSeconds: number;
    refreshTtlSeconds: number;
    issuer: string;
    audience: string;
    loginMaxFailures: number;
    loginLockoutWindowSeconds: number;
    roleCacheTtlSeconds: number;
  };
  rateLimit: {
    enabled: boolean;
    perMinute: number;
    perHour: number;
    messagePerMinute: number;
    scenarioStartPerMinute: number;
    watchStartPerMinute: number;
    analyticsPerHour: number;
  };
  llm: {
    providers: ProviderName[];
    defaultModel: string;
    models: Record<LlmMode, string>;
    gemini: { apiKey?: string; apiKeyFile?: string; baseUrl?: string };
    openai: { apiKey?: string; apiKeyFile?: string; baseUrl?: string };
    firstTokenTimeoutMs: number;
    idleTimeoutMs: number;
    maxRetries: number;
    circuitFailureThreshold: number;
    circuitResetMs: number;
    offlineDelayMs: number;
  };
  conversation: {
    maxConcurrentGenerations: number;
    idleTimeoutMinutes: number;
    promptTokenBudget: number;
    moderationBlocklist: string[];
  };
  watch: { turnDelayMs: number; idleTimeoutSeconds: number; maxTokens: number };
  analytics: { windowConversations: number; runWorker: boolean };
  /**
   * First retry delay of a failed job; each further retry waits twice as long. The worker process serves
   * its metrics on its own port (0: not at all), having no API.
   */
  jobs: { backoffMs: number; workerMetricsPort: number };
  socket: { maxConnectionsPerUser: number; maxPayloadBytes: number };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

const list = (v: string | undefined): string[] =>
  (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

const DEFAULT_MODELS: Record<ProviderName, string> = {
  offline: 'offline/coach',
  gemini: 'gemini/gemini-2.5-flash',
  openai: 'openai/gpt-4o-mini',
};

/** Validates the environment and builds the typed configuration; throws ConfigError naming each bad variable. */
export function loadConfig(env: Record<string, string | undefined>): AppConfig {
  const raw = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const e = plainToInstance(EnvironmentVariables, raw);
  const errors = validateSync(e, { whitelist: false, skipMissingProperties: false });
  if (errors.length > 0) {
    throw new ConfigError(
      errors.map((err) => `${err.property}: ${Object.values(err.constraints ?? {}).join('; ')}`),
    );
  }
  const nodeEnv = (e.NODE_ENV ?? 'development') as AppConfig['app']['env'];
  const providers = (list(e.LLM_PROVIDERS).length ? list(e.LLM_PROVIDERS) : ['offline']) as ProviderName[];
  const defaultModel = e.DEFAULT_MODEL ?? DEFAULT_MODELS[providers[0]];
  const trust = e.TRUST_PROXY ?? 'false';
  const config: AppConfig = {
    app: {
      env: nodeEnv,
      port: e.PORT ?? 3000,
      host: e.HOST ?? '0.0.0.0',
      logLevel: e.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info'),
      corsOrigins: list(e.CORS_ORIGINS),
      trustProxy: trust === 'true' ? true : trust === 'false' ? false : Number(trust),
      bodyLimitBytes: e.BODY_LIMIT_BYTES ?? 1024 * 1024,
      shutdownGraceMs: e.SHUTDOWN_GRACE_MS ?? 10000,
    },
    database: {
      url: e.DATABASE_URL,
      urlFile: e.DATABASE_URL_FILE,
      poolSize: e.DATABASE_POOL_SIZE ?? 10,
      embeddedDir: resolve(e.EMBEDDED_POSTGRES_DIR ?? '.data/postgres'),
      embeddedPort: e.EMBEDDED_POSTGRES_PORT ?? 54329,
    },
    redis: { url: e.REDIS_URL, keyPrefix: e.REDIS_KEY_PREFIX ?? 'wr:' },
    cache: {
      defaultTtlSeconds: e.CACHE_DEFAULT_TTL_SECONDS ?? 300,
      localMaxEntries: e.CACHE_LOCAL_MAX_ENTRIES ?? 5000,
    },
    health: { timeoutMs: e.HEALTH_CHECK_TIMEOUT_MS ?? 1500 },
    secrets: {
      provider: (e.SECRETS_PROVIDER ?? 'env') as AppConfig['secrets']['provider'],
      vault: {
        addr: e.VAULT_ADDR,
        token: e.VAULT_TOKEN,
        tokenFile: e.VAULT_TOKEN_FILE,
        mount: e.VAULT_MOUNT ?? 'secret',
        path: e.VAULT_PATH ?? 'workplace-roleplay',
      },
    },
    auth: {
      jwtSecret: e.JWT_SECRET,
      jwtSecretFile: e.JWT_SECRET_FILE,
      accessTtlSeconds: e.JWT_ACCESS_TTL_SECONDS ?? 1800,
      refreshTtlSeconds: e.JWT_REFRESH_TTL_SECONDS ?? 7 * 86400,
      issuer: e.JWT_ISSUER ?? 'workplace-roleplay',
      audience: e.JWT_AUDIENCE ?? 'workplace-roleplay-api',
      loginMaxFailures: e.LOGIN_MAX_FAILURES ?? 5,
      loginLockoutWindowSeconds: e.LOGIN_LOCKOUT_WINDOW_SECONDS ?? 900,
      roleCacheTtlSeconds: e.ROLE_CACHE_TTL_SECONDS ?? 30,
    },
    rateLimit: {
      enabled: e.RATE_LIMIT_ENABLED ?? true,
      perMinute: e.RATE_LIMIT_PER_MINUTE ?? 50,
      perHour: e.RATE_LIMIT_PER_HOUR ?? 200,
      messagePerMinute: e.RATE_LIMIT_MESSAGE_PER_MINUTE ?? 30,
      scenarioStartPerMinute: e.RATE_LIMIT_SCENARIO_START_PER_MINUTE ?? 10,
      watchStartPerMinute: e.RATE_LIMIT_WATCH_START_PER_MINUTE ?? 5,
      analyticsPerHour: e.RATE_LIMIT_ANALYTICS_PER_HOUR ?? 100,
    },
    llm: {
      providers,
      defaultModel,
      models: {
        chat: e.CHAT_MODEL ?? defaultModel,
        scenario: e.SCENARIO_MODEL ?? defaultModel,
        watch: e.WATCH_MODEL ?? defaultModel,
        feedback: e.FEEDBACK_MODEL ?? defaultModel,
        analysis: e.FEEDBACK_MODEL ?? defaultModel,
      },
      gemini: { apiKey: e.GEMINI_API_KEY, apiKeyFile: e.GEMINI_API_KEY_FILE, baseUrl: e.GEMINI_BASE_URL },
      openai: { apiKey: e.OPENAI_API_KEY, apiKeyFile: e.OPENAI_API_KEY_FILE, baseUrl: e.OPENAI_BASE_URL },
      firstTokenTimeoutMs: e.LLM_FIRST_TOKEN_TIMEOUT_MS ?? 20000,
      idleTimeoutMs: e.LLM_IDLE_TIMEOUT_MS ?? 15000,
      maxRetries: e.LLM_MAX_RETRIES ?? 2,
      circuitFailureThreshold: e.LLM_CIRCUIT_FAILURE_THRESHOLD ?? 5,
      circuitResetMs: e.LLM_CIRCUIT_RESET_MS ?? 30000,
      offlineDelayMs: e.OFFLINE_LLM_DELAY_MS ?? 15,
    },
    conversation: {
      maxConcurrentGenerations: e.MAX_CONCURRENT_GENERATIONS_PER_USER ?? 2,
      idleTimeoutMinutes: e.CONVERSATION_IDLE_TIMEOUT_MINUTES ?? 120,
      promptTokenBudget: e.PROMPT_TOKEN_BUDGET ?? 3000,
      moderationBlocklist: list(e.MODERATION_BLOCKLIST),
    },
    watch: {
      turnDelayMs: e.WATCH_TURN_DELAY_MS ?? 1500,
      idleTimeoutSeconds: e.WATCH_IDLE_TIMEOUT_SECONDS ?? 120,
      maxTokens: e.WATCH_MAX_TOKENS ?? 20000,
    },
    analytics: {
      windowConversations: e.ANALYTICS_WINDOW_CONVERSATIONS ?? 20,
      runWorker: e.JOBS_RUN_WORKER ?? true,
    },
    jobs: { backoffMs: e.JOBS_BACKOFF_MS ?? 2000, workerMetricsPort: e.WORKER_METRICS_PORT ?? 9464 },
    socket: {
      maxConnectionsPerUser: e.SOCKET_MAX_CONNECTIONS_PER_USER ?? 5,
      maxPayloadBytes: e.SOCKET_MAX_PAYLOAD_BYTES ?? 64 * 1024,
    },
  };
  return config;
}

/** Reads the process environment (and a local .env file, if present). The only reader of process.env. */
export function loadConfigFromProcess(overrides: Record<string, string | undefined> = {}): AppConfig {
  if (existsSync('.env') && typeof process.loadEnvFile === 'function') process.loadEnvFile('.env');
  return loadConfig({ ...process.env, ...overrides });
}
