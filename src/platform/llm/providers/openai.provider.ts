import { Logger } from '@nestjs/common';
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { AppConfig } from '../../../config';
import { errorName, isAbortError, isNetworkError, kindOfStatus, ProviderFailure } from '../provider-failure';
import { ApiKey } from './api-key';
import type { LlmProvider, ProviderCall } from './llm-provider';
import { spokenText, startCue } from './transcript';

const DEFAULT_BASE_URL = 'https://api.openai.com/v1';
// OpenAI-compatible local servers (Ollama, vLLM, LM Studio) take no key, but the SDK insists on one.
const KEYLESS = 'unused';

export interface OpenAiTimeouts {
  /** Until the response headers of a stream. */
  firstTokenMs: number;
  /** For a whole non-streamed answer. */
  completeMs: number;
}

/** OpenAI, or any OpenAI-compatible server at OPENAI_BASE_URL, through the openai SDK. */
export class OpenAiProvider implements LlmProvider {
  readonly name = 'openai' as const;
  readonly remote = true;
  private readonly key: ApiKey;
  private client: OpenAI | undefined;

  constructor(
    private readonly settings: AppConfig['llm']['openai'],
    private readonly timeouts: OpenAiTimeouts,
  ) {
    this.key = new ApiKey('OpenAI', settings.apiKey, settings.apiKeyFile);
  }

  configured(): boolean {
    return this.key.present || Boolean(this.settings.baseUrl);
  }

  async *stream(call: ProviderCall): AsyncGenerator<string> {
    try {
      const stream = await this.sdk().chat.completions.create(
        {
          model: call.model,
          messages: toMessages(call),
          stream: true,
          temperature: call.request.temperature,
          ...this.limit(call),
        },
        { signal: call.signal, timeout: this.timeouts.firstTokenMs },
      );
      let finished = false;
      let any = false;
      for await (const chunk of stream) {
        const choice = chunk.choices?.[0];
        const text = choice?.delta?.content;
        if (text) {
          any = true;
          yield text;
        }
        if (choice?.finish_reason === 'content_filter')
          throw new ProviderFailure('blocked', 'OpenAI filtered the answer');
        if (choice?.finish_reason) finished = true;
      }
      // The SDK ends an aborted stream quietly; a cut-off answer must not pass for a complete one.
      if (call.signal.aborted) throw new ProviderFailure('aborted', 'OpenAI request aborted');
      if (!finished) throw new ProviderFailure('network', 'OpenAI stream ended before the model finished');
      if (!any) throw new ProviderFailure('malformed', 'OpenAI sent an empty answer');
    } catch (e) {
      throw toFailure(e);
    }
  }

  async complete(call: ProviderCall): Promise<string> {
    try {
      const completion = await this.sdk().chat.completions.create(
        {
          model: call.model,
          messages: toMessages(call),
          temperature: call.request.temperature,
          ...this.limit(call),
          response_format: call.json ? { type: 'json_object' } : undefined,
        },
        { signal: call.signal, timeout: this.timeouts.completeMs },
      );
      const choice = completion.choices?.[0];
      if (choice?.finish_reason === 'content_filter' || choice?.message?.refusal) {
        throw new ProviderFailure('blocked', 'OpenAI refused the answer');
      }
      const text = choice?.message?.content;
      if (!text) throw new ProviderFailure('malformed', 'OpenAI sent an empty answer');
      return text;
    } catch (e) {
      throw toFailure(e);
    }
  }

  /**
   * OpenAI itself wants max_completion_tokens (its reasoning models refuse max_tokens with a 400); the
   * compatible servers (Ollama, vLLM, LM Studio) know max_tokens.
   */
  private limit(call: ProviderCall): { max_tokens?: number; max_completion_tokens?: number } {
    const max = call.request.maxTokens;
    if (max === undefined) return {};
    return this.settings.baseUrl ? { max_tokens: max } : { max_completion_tokens: max };
  }

  private sdk(): OpenAI {
    if (this.client) return this.client;
    const sdkLog = new Logger('OpenAiSdk');
    // The SDK may print chunks it cannot parse; keep that out of info-level logs.
    const quiet = (message: unknown) =>
      sdkLog.debug(typeof message === 'string' ? message : 'openai sdk message');
    this.client = new OpenAI({
      apiKey: this.key.present ? this.key.resolve() : KEYLESS,
      baseURL: this.settings.baseUrl ?? DEFAULT_BASE_URL,
      organization: null,
      project: null,
      webhookSecret: null,
      adminAPIKey: null,
      maxRetries: 0,
      timeout: this.timeouts.completeMs,
      logLevel: 'debug',
      logger: { error: quiet, warn: quiet, info: quiet, debug: quiet },
    });
    return this.client;
  }
}

function toMessages(call: ProviderCall): ChatCompletionMessageParam[] {
  const messages: ChatCompletionMessageParam[] = call.messages.map((m) =>
    m.role === 'system' ? { role: 'system', content: m.content } : { role: m.role, content: spokenText(m) },
  );
  if (!call.messages.some((m) => m.role === 'user'))
    messages.push({ role: 'user', content: startCue(call.request.locale) });
  return messages;
}

function toFailure(error: unknown): ProviderFailure {
  if (error instanceof ProviderFailure) return error;
  if (error instanceof APIUserAbortError || isAbortError(error))
    return new ProviderFailure('aborted', 'OpenAI request aborted', undefined, error);
  if (error instanceof APIConnectionTimeoutError)
    return new ProviderFailure('timeout', 'OpenAI did not answer in time', undefined, error);
  if (error instanceof APIConnectionError || isNetworkError(error))
    return new ProviderFailure('network', 'OpenAI connection failed', undefined, error);
  if (error instanceof APIError) {
    // An error event inside a stream carries no status: the server failed mid-answer.
    return error.status
      ? new ProviderFailure(
          kindOfStatus(error.status),
          `OpenAI answered ${error.status}`,
          error.status,
          error,
        )
      : new ProviderFailure('server', 'OpenAI reported an error in the stream', undefined, error);
  }
  if (errorName(error) === 'SyntaxError')
    return new ProviderFailure('malformed', 'OpenAI sent a malformed chunk', undefined, error);
  return new ProviderFailure('server', `OpenAI request failed: ${errorName(error)}`, undefined, error);
}
