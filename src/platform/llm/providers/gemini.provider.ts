import type {
  Candidate,
  Content,
  GenerateContentConfig,
  GenerateContentResponse,
  GoogleGenAI,
} from '@google/genai' with { 'resolution-mode': 'import' };
import type { AppConfig } from '../../../config';
import {
  errorMessage,
  errorName,
  isAbortError,
  isNetworkError,
  kindOfStatus,
  ProviderFailure,
} from '../provider-failure';
import { ApiKey } from './api-key';
import type { LlmProvider, ProviderCall } from './llm-provider';
import { spokenText, startCue, systemText } from './transcript';

// The SDK ships as an ES module for Node; a dynamic import loads it from this CommonJS build.
const loadSdk = () => import('@google/genai');

const DEFAULT_BASE_URL = 'https://generativelanguage.googleapis.com';
const BLOCKING_FINISH = new Set([
  'SAFETY',
  'BLOCKLIST',
  'PROHIBITED_CONTENT',
  'SPII',
  'RECITATION',
  'IMAGE_SAFETY',
]);

/** Gemini through @google/genai, against the Gemini API or any server that speaks it (GEMINI_BASE_URL). */
export class GeminiProvider implements LlmProvider {
  readonly name = 'gemini' as const;
  readonly remote = true;
  private readonly key: ApiKey;
  private client: Promise<GoogleGenAI> | undefined;

  constructor(private readonly settings: AppConfig['llm']['gemini']) {
    this.key = new ApiKey('Gemini', settings.apiKey, settings.apiKeyFile);
  }

  configured(): boolean {
    return this.key.present;
  }

  async prepare(): Promise<void> {
    await this.sdk();
  }

  async *stream(call: ProviderCall): AsyncGenerator<string> {
    try {
      const stream = await (
        await this.sdk()
      ).models.generateContentStream({ model: call.model, ...this.request(call) });
      let finished = false;
      let any = false;
      for await (const chunk of stream) {
        const candidate = checkBlocked(chunk);
        const text = textOf(candidate);
        if (text) {
          any = true;
          yield text;
        }
        if (candidate?.finishReason) finished = true;
      }
      if (!finished) throw new ProviderFailure('network', 'Gemini stream ended before the model finished');
      if (!any) throw new ProviderFailure('malformed', 'Gemini sent an empty answer');
    } catch (e) {
      throw toFailure(e);
    }
  }

  async complete(call: ProviderCall): Promise<string> {
    try {
      const response = await (
        await this.sdk()
      ).models.generateContent({ model: call.model, ...this.request(call) });
      const text = textOf(checkBlocked(response));
      if (!text) throw new ProviderFailure('malformed', 'Gemini sent an empty answer');
      return text;
    } catch (e) {
      throw toFailure(e);
    }
  }

  private request(call: ProviderCall): { contents: Content[]; config: GenerateContentConfig } {
    const contents: Content[] = [];
    for (const message of call.messages) {
      if (message.role === 'system') continue;
      const role = message.role === 'assistant' ? 'model' : 'user';
      const previous = contents[contents.length - 1];
      // Gemini wants turns to alternate, so consecutive turns of one side become one.
      if (previous?.role === role) previous.parts!.push({ text: spokenText(message) });
      else contents.push({ role, parts: [{ text: spokenText(message) }] });
    }
    if (contents[0]?.role !== 'user')
      contents.unshift({ role: 'user', parts: [{ text: startCue(call.request.locale) }] });
    return {
      contents,
      config: {
        abortSignal: call.signal,
        systemInstruction: systemText(call.messages),
        temperature: call.request.temperature,
        maxOutputTokens: call.request.maxTokens,
        responseMimeType: call.json ? 'application/json' : undefined,
        // The SDK's own resumption of dropped streams would re-send text and bypass our retry rules.
        automaticContinuation: false,
        automaticFunctionCalling: { disable: true },
      },
    };
  }

  private sdk(): Promise<GoogleGenAI> {
    const apiKey = this.key.resolve();
    this.client ??= loadSdk().then(
      ({ GoogleGenAI }) =>
        new GoogleGenAI({
          vertexai: false,
          apiKey,
          httpOptions: {
            // Explicit, so no GOOGLE_GEMINI_BASE_URL from the environment can redirect requests.
            baseUrl: this.settings.baseUrl ?? DEFAULT_BASE_URL,
            // No retryOptions: the SDK then never retries; the service retries, times out and falls back itself.
            // A fetch of our own keeps the SDK from installing a dispatcher that turns off undici's timeouts;
            // the service's stall timers abort sooner through abortSignal, and undici's stay as an outer bound.
            fetch: (input, init) => fetch(input, init),
          },
        }),
    );
    return this.client;
  }
}

function checkBlocked(response: GenerateContentResponse): Candidate | undefined {
  const blockReason = response.promptFeedback?.blockReason;
  if (blockReason) throw new ProviderFailure('blocked', `Gemini blocked the prompt (${blockReason})`);
  const candidate = response.candidates?.[0];
  const finish = candidate?.finishReason;
  if (finish && BLOCKING_FINISH.has(finish))
    throw new ProviderFailure('blocked', `Gemini stopped the answer (${finish})`);
  return candidate;
}

function textOf(candidate: Candidate | undefined): string {
  return (candidate?.content?.parts ?? [])
    .filter((p) => typeof p.text === 'string' && !p.thought)
    .map((p) => p.text)
    .join('');
}

function toFailure(error: unknown): ProviderFailure {
  if (error instanceof ProviderFailure) return error;
  const status = (error as { status?: unknown } | null)?.status;
  if (errorName(error) === 'ApiError' && typeof status === 'number') {
    return new ProviderFailure(kindOfStatus(status), `Gemini answered ${status}`, status, error);
  }
  if (isAbortError(error)) return new ProviderFailure('aborted', 'Gemini request aborted', undefined, error);
  if (isNetworkError(error))
    return new ProviderFailure('network', 'Gemini connection failed', undefined, error);
  if (
    errorName(error) === 'SyntaxError' ||
    /parsing stream chunk|Incomplete JSON segment/i.test(errorMessage(error))
  ) {
    return new ProviderFailure('malformed', 'Gemini sent a malformed chunk', undefined, error);
  }
  return new ProviderFailure('server', `Gemini request failed: ${errorName(error)}`, undefined, error);
}
