import { performance } from 'node:perf_hooks';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectConfig, type AppConfig } from '../../config';
import { linkedAbort } from './abort-link';
import { ChunkQueue } from './chunk-queue';
import { CircuitBreaker } from './circuit-breaker';
import { FallbackChain, type Target } from './fallback-chain';
import { JsonAnswers, jsonInstruction, repairTurns } from './json-answer';
import { LlmMetrics } from './llm.metrics';
import type {
  JsonResult,
  JsonSpec,
  LlmDescription,
  LlmMessage,
  LlmMode,
  LlmRequest,
  LlmStream,
  ProviderName,
  StreamResult,
} from './llm.types';
import { chainFor, defaultModelOf, formatModelRef, parseModelRef } from './model-ref';
import { OfflineProvider } from './offline/offline.provider';
import { ProviderFailure } from './provider-failure';
import { GeminiProvider } from './providers/gemini.provider';
import type { LlmProvider } from './providers/llm-provider';
import { OpenAiProvider } from './providers/openai.provider';
import { withStallTimeouts } from './stall-timeouts';

const MODES: LlmMode[] = ['chat', 'scenario', 'watch', 'feedback', 'analysis'];

/**
 * The AI port every feature uses: streamed replies and schema-checked JSON answers, over the configured
 * providers in fallback order, with timeouts, retries, circuit breakers and metrics.
 */
@Injectable()
export class LlmService implements OnModuleInit {
  private readonly logger = new Logger('Llm');
  private readonly providers: Record<ProviderName, LlmProvider>;
  private readonly breakers: Record<ProviderName, CircuitBreaker>;
  private readonly chain: FallbackChain;
  private readonly json = new JsonAnswers();

  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly metrics: LlmMetrics,
  ) {
    const llm = config.llm;
    this.providers = {
      offline: new OfflineProvider(llm.offlineDelayMs),
      gemini: new GeminiProvider(llm.gemini),
      openai: new OpenAiProvider(llm.openai, {
        firstTokenMs: llm.firstTokenTimeoutMs,
        completeMs: this.completeDeadlineMs,
      }),
    };
    const breaker = () => new CircuitBreaker(llm.circuitFailureThreshold, llm.circuitResetMs);
    this.breakers = { offline: breaker(), gemini: breaker(), openai: breaker() };
    this.chain = new FallbackChain(this.breakers, metrics, llm.maxRetries);
  }

  async onModuleInit(): Promise<void> {
    const { llm } = this.config;
    for (const name of llm.providers) {
      const provider = this.providers[name];
      if (!provider.configured())
        this.logger.warn(`LLM provider ${name} is listed but has no key or base URL; it will be skipped`);
      else
        await provider
          .prepare?.()
          .catch((e: unknown) =>
            this.logger.warn(`LLM provider ${name} could not be prepared: ${(e as Error).message}`),
          );
    }
    for (const mode of MODES) {
      const { provider } = parseModelRef(llm.models[mode]);
      if (!llm.providers.includes(provider)) {
        this.logger.warn(
          `The ${mode} model ${llm.models[mode]} names a provider missing from LLM_PROVIDERS; using ${this.describe().models[mode]}`,
        );
      }
    }
  }

  /**
   * Streams a reply. `done` settles after the last chunk, or rejects with LlmUnavailableError (503
   * LLM_UNAVAILABLE) when no provider could answer; reading `chunks` then throws the same error. Aborting
   * `request.signal` cancels the provider's HTTP request and rejects with the signal's reason.
   */
  stream(request: LlmRequest): LlmStream {
    const queue = new ChunkQueue();
    const done = this.generate(request, queue).then(
      (result) => {
        queue.end();
        return result;
      },
      (error: unknown) => {
        queue.fail(error);
        throw error;
      },
    );
    // Callers that only read the chunks still see the error there; this keeps it from going unhandled.
    done.catch(() => undefined);
    return { chunks: queue, done };
  }

  /**
   * Asks for a JSON answer valid against `spec.schema`: an invalid answer is sent back once with the problems
   * found, then the next provider is tried. The offline provider answers with `spec.offline(request)`.
   */
  async completeJson<T>(request: LlmRequest, spec: JsonSpec<T>): Promise<JsonResult<T>> {
    const started = performance.now();
    const { value, target } = await this.chain.run({
      request,
      targets: this.targetsFor(request.mode),
      attempt: (target) => this.jsonFrom<T>(target, request, spec),
    });
    const totalMs = performance.now() - started;
    this.metrics.answered(target.label, request.mode, totalMs);
    this.logger.log(
      {
        provider: target.provider.name,
        model: target.label,
        mode: request.mode,
        answer: spec.name,
        totalMs: Math.round(totalMs),
        outcome: 'success',
      },
      'LLM JSON answer',
    );
    return { value, provider: target.provider.name, model: target.label };
  }

  /** The providers in fallback order and the model each mode tries first. Never includes keys or URLs. */
  describe(): LlmDescription {
    const { llm } = this.config;
    return {
      providers: llm.providers.map((name) => ({
        name,
        configured: this.providers[name].configured(),
        defaultModel: formatModelRef(defaultModelOf(name, llm)),
        circuit: this.breakers[name].state,
      })),
      models: Object.fromEntries(
        MODES.map((mode) => [mode, formatModelRef(chainFor(mode, llm)[0])]),
      ) as Record<LlmMode, string>,
    };
  }

  private async generate(request: LlmRequest, queue: ChunkQueue): Promise<StreamResult> {
    const started = performance.now();
    const progress = { firstTokenAt: undefined as number | undefined, text: '' };
    const { target } = await this.chain.run({
      request,
      targets: this.targetsFor(request.mode),
      attempt: (target) => this.streamFrom(target, request, queue, progress),
      committed: () => progress.firstTokenAt !== undefined,
    });
    const end = performance.now();
    const result: StreamResult = {
      provider: target.provider.name,
      model: target.label,
      text: progress.text,
      firstTokenMs: Math.round((progress.firstTokenAt ?? end) - started),
      totalMs: Math.round(end - started),
    };
    this.metrics.answered(result.model, request.mode, result.totalMs, result.firstTokenMs);
    this.logger.log(
      {
        provider: result.provider,
        model: result.model,
        mode: request.mode,
        firstTokenMs: result.firstTokenMs,
        totalMs: result.totalMs,
        outcome: 'success',
      },
      'LLM reply streamed',
    );
    return result;
  }

  private async streamFrom(
    target: Target,
    request: LlmRequest,
    queue: ChunkQueue,
    progress: { firstTokenAt: number | undefined; text: string },
  ): Promise<void> {
    const attempt = linkedAbort(request.signal);
    try {
      const call = { request, model: target.ref.model, messages: request.messages, signal: attempt.signal };
      let source: AsyncIterable<string> = target.provider.stream(call);
      if (target.provider.remote) {
        const limits = {
          firstTokenMs: this.config.llm.firstTokenTimeoutMs,
          idleMs: this.config.llm.idleTimeoutMs,
        };
        source = withStallTimeouts(source, limits, (failure) => attempt.abort(failure));
      }
      for await (const delta of source) {
        progress.firstTokenAt ??= performance.now();
        progress.text += delta;
        queue.push(delta);
      }
    } finally {
      attempt.dispose();
    }
  }

  private async jsonFrom<T>(target: Target, request: LlmRequest, spec: JsonSpec<T>): Promise<T> {
    if (target.provider.name === 'offline') {
      const check = this.json.check<T>(spec.schema, spec.offline(request));
      if (check.ok) return check.value;
      this.logger.error(
        { answer: spec.name, problems: check.problems },
        'The offline answer does not satisfy its own schema',
      );
      throw new ProviderFailure('invalid_json', `offline ${spec.name} does not satisfy its schema`);
    }
    const messages = [...request.messages, jsonInstruction(spec.name, spec.schema)];
    const first = await this.completeFrom(target, request, messages);
    const check = this.json.parse<T>(spec.schema, first);
    if (check.ok) return check.value;
    this.logger.warn(
      {
        provider: target.provider.name,
        model: target.label,
        mode: request.mode,
        answer: spec.name,
        problems: check.problems.length,
      },
      'LLM JSON answer invalid; asking for a repair',
    );
    const repaired = this.json.parse<T>(
      spec.schema,
      await this.completeFrom(target, request, [...messages, ...repairTurns(first, check.problems)]),
    );
    if (repaired.ok) return repaired.value;
    throw new ProviderFailure('invalid_json', `${spec.name} still invalid after a repair`);
  }

  /** One non-streamed answer. It arrives all at once, so it gets the first-token and the idle allowance together. */
  private async completeFrom(target: Target, request: LlmRequest, messages: LlmMessage[]): Promise<string> {
    const attempt = linkedAbort(request.signal);
    const timeout = new ProviderFailure('timeout', `no answer within ${this.completeDeadlineMs} ms`);
    const timer = setTimeout(() => attempt.abort(timeout), this.completeDeadlineMs);
    try {
      return await target.provider.complete({
        request,
        model: target.ref.model,
        messages,
        signal: attempt.signal,
        json: true,
      });
    } catch (e) {
      throw attempt.signal.reason === timeout ? timeout : e;
    } finally {
      clearTimeout(timer);
      attempt.dispose();
    }
  }

  private get completeDeadlineMs(): number {
    return this.config.llm.firstTokenTimeoutMs + this.config.llm.idleTimeoutMs;
  }

  private targetsFor(mode: LlmMode): Target[] {
    return chainFor(mode, this.config.llm).map((ref) => ({
      provider: this.providers[ref.provider],
      ref,
      label: formatModelRef(ref),
    }));
  }
}
