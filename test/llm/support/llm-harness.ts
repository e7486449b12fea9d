import { Test } from '@nestjs/testing';
import { register } from 'prom-client';
import { AppConfigModule, loadConfig, type AppConfig } from '../../../src/config';
import { LlmModule, LlmService, type LlmStream, type StreamResult } from '../../../src/platform/llm';
import { FakeLlmServer } from './fake-llm-server';

export interface Harness {
  llm: LlmService;
  config: AppConfig;
  gemini: FakeLlmServer;
  openai: FakeLlmServer;
  close(): Promise<void>;
}

/**
 * LlmService as the app builds it, with both real adapters pointed at local fake servers. Timeouts are short
 * so stalls are detected quickly, yet long enough for a loaded test machine; pass env to change providers,
 * retries or the circuit breaker.
 */
export async function startHarness(env: Record<string, string> = {}): Promise<Harness> {
  const gemini = await FakeLlmServer.start();
  const openai = await FakeLlmServer.start();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    LLM_PROVIDERS: 'gemini,openai,offline',
    DEFAULT_MODEL: 'gemini/gemini-2.5-flash',
    GEMINI_API_KEY: 'test-gemini-key',
    GEMINI_BASE_URL: gemini.url,
    OPENAI_API_KEY: 'test-openai-key',
    OPENAI_BASE_URL: `${openai.url}/v1`,
    OFFLINE_LLM_DELAY_MS: '0',
    LLM_FIRST_TOKEN_TIMEOUT_MS: '1000',
    LLM_IDLE_TIMEOUT_MS: '1000',
    LLM_MAX_RETRIES: '1',
    LLM_CIRCUIT_FAILURE_THRESHOLD: '5',
    LLM_CIRCUIT_RESET_MS: '60000',
    ...env,
  });
  const moduleRef = await Test.createTestingModule({
    imports: [AppConfigModule.forRoot(config), LlmModule],
  }).compile();
  moduleRef.useLogger(false);
  await moduleRef.init();
  await Promise.all([gemini.warmUp(), openai.warmUp()]);
  return {
    llm: moduleRef.get(LlmService),
    config,
    gemini,
    openai,
    close: async () => {
      await moduleRef.close();
      await Promise.all([gemini.close(), openai.close()]);
    },
  };
}

export interface Collected {
  chunks: string[];
  result?: StreamResult;
  error?: unknown;
  /** What reading the chunks threw, which must be what `done` rejected with. */
  iterationError?: unknown;
}

/** Reads a stream to the end, keeping the chunks and whatever it ended with. */
export async function collect(stream: LlmStream): Promise<Collected> {
  const out: Collected = { chunks: [] };
  try {
    for await (const chunk of stream.chunks) out.chunks.push(chunk);
  } catch (e) {
    out.iterationError = e;
  }
  try {
    out.result = await stream.done;
  } catch (e) {
    out.error = e;
  }
  return out;
}

/** The current value of a counter, or the observation count of a histogram, for the given labels. */
export async function metric(name: string, labels: Record<string, string>): Promise<number> {
  const m = register.getSingleMetric(name);
  if (!m) return 0;
  const { values } = await m.get();
  const wanted = (
    values as Array<{ value: number; labels: Record<string, string | number>; metricName?: string }>
  ).filter(
    (v) =>
      (v.metricName === undefined || v.metricName === name || v.metricName === `${name}_count`) &&
      Object.entries(labels).every(([k, val]) => v.labels[k] === val),
  );
  return wanted.reduce((sum, v) => sum + v.value, 0);
}

export const userTurn = (content: string) => ({ role: 'user' as const, content });
