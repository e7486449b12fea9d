import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
} from 'class-validator';

const toBool = ({ value }: { value: unknown }): unknown => {
  if (typeof value !== 'string') return value;
  const v = value.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(v)) return true;
  if (['false', '0', 'no', 'off'].includes(v)) return false;
  return value;
};
const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value.trim()) : value;
const Bool = () => Transform(toBool);
const Int = () => Transform(toInt);
const MODEL = /^(offline|gemini|openai)\/[\w.:\-/]+$/;
const PROVIDERS = /^(offline|gemini|openai)(,(offline|gemini|openai))*$/;

/** Every environment variable the service reads, validated at boot. Defaults live in app-config.ts. */
export class EnvironmentVariables {
  @IsOptional() @IsIn(['development', 'production', 'test']) NODE_ENV?: string;
  @IsOptional() @Int() @IsInt() @Min(0) @Max(65535) PORT?: number;
  @IsOptional() @IsString() HOST?: string;
  @IsOptional() @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) LOG_LEVEL?: string;
  @IsOptional() @IsString() CORS_ORIGINS?: string;
  @IsOptional()
  @Matches(/^(true|false|\d+)$/, { message: 'TRUST_PROXY must be true, false or a hop count' })
  TRUST_PROXY?: string;
  @IsOptional() @Int() @IsInt() @Min(1024) @Max(50 * 1024 * 1024) BODY_LIMIT_BYTES?: number;
  @IsOptional() @Int() @IsInt() @Min(0) @Max(120000) SHUTDOWN_GRACE_MS?: number;

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;
  @IsOptional() @IsString() DATABASE_URL_FILE?: string;
  @IsOptional() @Int() @IsInt() @Min(1) @Max(200) DATABASE_POOL_SIZE?: number;
  @IsOptional() @IsString() EMBEDDED_POSTGRES_DIR?: string;
  @IsOptional() @Int() @IsInt() @Min(1024) @Max(65535) EMBEDDED_POSTGRES_PORT?: number;

  @IsOptional()
  @Matches(/^rediss?:\/\//, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;
  @IsOptional() @Matches(/^[\w:.-]{1,64}$/) REDIS_KEY_PREFIX?: string;

  @IsOptional() @Int() @IsInt() @Min(1) @Max(86400 * 30) CACHE_DEFAULT_TTL_SECONDS?: number;
  @IsOptional() @Int() @IsInt() @Min(10) @Max(1000000) CACHE_LOCAL_MAX_ENTRIES?: number;
  @IsOptional() @Int() @IsInt() @Min(100) @Max(60000) HEALTH_CHECK_TIMEOUT_MS?: number;

  @IsOptional() @IsIn(['env', 'file', 'vault']) SECRETS_PROVIDER?: string;
  @IsOptional() @IsString() @MinLength(1) JWT_SECRET?: string;
  @IsOptional() @IsString() JWT_SECRET_FILE?: string;
  @IsOptional() @IsUrl({ require_tld: false, protocols: ['http', 'https'] }) VAULT_ADDR?: string;
  @IsOptional() @IsString() VAULT_TOKEN?: string;
  @IsOptional() @IsString() VAULT_TOKEN_FILE?: string;
  @IsOptional() @Matches(/^[\w.-]+$/) VAULT_MOUNT?: string;
  @IsOptional() @Matches(/^[\w./-]+$/) VAULT_PATH?: string;
  @IsOptional() @Int() @IsInt() @Min(60) @Max(86400) JWT_ACCESS_TTL_SECONDS?: number;
  @IsOptional() @Int() @IsInt() @Min(300) @Max(86400 * 90) JWT_REFRESH_TTL_SECONDS?: number;
  @IsOptional() @IsString() JWT_ISSUER?: string;
  @IsOptional() @IsString() JWT_AUDIENCE?: string;
  @IsOptional() @Int() @IsInt() @Min(1) @Max(100) LOGIN_MAX_FAILURES?: number;
  @IsOptional() @Int() @IsInt() @Min(10) @Max(86400) LOGIN_LOCKOUT_WINDOW_SECONDS?: number;
  @IsOptional() @Int() @IsInt() @Min(1) @Max(3600) ROLE_CACHE_TTL_SECONDS?: number;

  @IsOptional() @Bool() @IsBoolean() RATE_LIMIT_ENABLED?: boolean;
  @IsOptional() @Int() @IsInt() @Min(1) RATE_LIMIT_PER_MINUTE?: number;
  @IsOptional() @Int() @IsInt() @Min(1) RATE_LIMIT_PER_HOUR?: number;
  @IsOptional() @Int() @IsInt() @Min(1) RATE_LIMIT_MESSAGE_PER_MINUTE?: number;
  @IsOptional() @Int() @IsInt() @Min(1) RATE_LIMIT_SCENARIO_START_PER_MINUTE?: number;
  @IsOptional() @Int() @IsInt() @Min(1) RATE_LIMIT_WATCH_START_PER_MINUTE?: number;
  @IsOptional() @Int() @IsInt() @Min(1) RATE_LIMIT_ANALYTICS_PER_HOUR?: number;

  @IsOptional()
  @Matches(PROVIDERS, { message: 'LLM_PROVIDERS must be a comma list of offline, gemini, openai' })
  LLM_PROVIDERS?: string;
  @IsOptional()
  @Matches(MODEL, { message: 'DEFAULT_MODEL must be written provider/model' })
  DEFAULT_MODEL?: string;
  @IsOptional() @Matches(MODEL, { message: 'CHAT_MODEL must be written provider/model' }) CHAT_MODEL?: string;
  @IsOptional()
  @Matches(MODEL, { message: 'SCENARIO_MODEL must be written provider/model' })
  SCENARIO_MODEL?: string;
  @IsOptional()
  @Matches(MODEL, { message: 'WATCH_MODEL must be written provider/model' })
  WATCH_MODEL?: string;
  @IsOptional()
  @Matches(MODEL, { message: 'FEEDBACK_MODEL must be written provider/model' })
  FEEDBACK_MODEL?: string;
  @IsOptional() @IsString() GEMINI_API_KEY?: string;
  @IsOptional() @IsString() GEMINI_API_KEY_FILE?: string;
  @IsOptional() @IsUrl({ require_tld: false, protocols: ['http', 'https'] }) GEMINI_BASE_URL?: string;
  @IsOptional() @IsString() OPENAI_API_KEY?: string;
  @IsOptional() @IsString() OPENAI_API_KEY_FILE?: string;
  @IsOptional() @IsUrl({ require_tld: false, protocols: ['http', 'https'] }) OPENAI_BASE_URL?: string;
  @IsOptional() @Int() @IsInt() @Min(100) @Max(300000) LLM_FIRST_TOKEN_TIMEOUT_MS?: number;
  @IsOptional() @Int() @IsInt() @Min(100) @Max(300000) LLM_IDLE_TIMEOUT_MS?: number;
  @IsOptional() @Int() @IsInt() @Min(0) @Max(5) LLM_MAX_RETRIES?: number;
  @IsOptional() @Int() @IsInt() @Min(1) @Max(100) LLM_CIRCUIT_FAILURE_THRESHOLD?: number;
  @IsOptional() @Int() @IsInt() @Min(100) @Max(3600000) LLM_CIRCUIT_RESET_MS?: number;
  @IsOptional() @Int() @IsInt() @Min(0) @Max(5000) OFFLINE_LLM_DELAY_MS?: number;

  @IsOptional() @Int() @IsInt() @Min(1) @Max(20) MAX_CONCURRENT_GENERATIONS_PER_USER?: number;
  @IsOptional() @Int() @IsInt() @Min(1) @Max(100000) CONVERSATION_IDLE_TIMEOUT_MINUTES?: number;
  @IsOptional() @Int() @IsInt() @Min(200) @Max(200000) PROMPT_TOKEN_BUDGET?: number;
  @IsOptional() @IsString() MODERATION_BLOCKLIST?: string;
  @IsOptional() @Int() @IsInt() @Min(0) @Max(60000) WATCH_TURN_DELAY_MS?: number;
  @IsOptional() @Int() @IsInt() @Min(1) @Max(86400) WATCH_IDLE_TIMEOUT_SECONDS?: number;
  @IsOptional() @Int() @IsInt() @Min(100) @Max(10000000) WATCH_MAX_TOKENS?: number;
  @IsOptional() @Int() @IsInt() @Min(1) @Max(1000) ANALYTICS_WINDOW_CONVERSATIONS?: number;
  @IsOptional() @Bool() @IsBoolean() JOBS_RUN_WORKER?: boolean;
  @IsOptional() @Int() @IsInt() @Min(1) @Max(600000) JOBS_BACKOFF_MS?: number;
  @IsOptional() @Int() @IsInt() @Min(0) @Max(65535) WORKER_METRICS_PORT?: number;
  @IsOptional() @Int() @IsInt() @Min(1) @Max(100) SOCKET_MAX_CONNECTIONS_PER_USER?: number;
  @IsOptional() @Int() @IsInt() @Min(1024) @Max(10 * 1024 * 1024) SOCKET_MAX_PAYLOAD_BYTES?: number;
}
