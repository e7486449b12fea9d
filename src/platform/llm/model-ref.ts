import type { AppConfig, LlmMode, ProviderName } from '../../config';

export interface ModelRef {
  provider: ProviderName;
  /** The model id the provider's API knows, e.g. gemini-2.5-flash or llama3.1. */
  model: string;
}

/** Used for a provider in the fallback chain when no configured model names it. */
export const BUILT_IN_MODELS: Record<ProviderName, string> = {
  offline: 'coach',
  gemini: 'gemini-2.5-flash',
  openai: 'gpt-4o-mini',
};

/** Splits `provider/model` at the first slash (model ids may contain slashes themselves). */
export function parseModelRef(ref: string): ModelRef {
  const slash = ref.indexOf('/');
  const provider = ref.slice(0, slash) as ProviderName;
  if (slash <= 0 || !(provider in BUILT_IN_MODELS)) throw new Error(`Not a provider/model reference: ${ref}`);
  return { provider, model: ref.slice(slash + 1) };
}

export const formatModelRef = (ref: ModelRef): string => `${ref.provider}/${ref.model}`;

/**
 * The model a provider uses when the chain falls back to it: the first configured model that names it
 * (DEFAULT_MODEL, then the per-mode models), else its built-in default. So CHAT_MODEL=openai/llama3.1 makes an
 * Ollama server answer feedback too when Gemini is down, rather than asking it for gpt-4o-mini.
 */
export function defaultModelOf(provider: ProviderName, llm: AppConfig['llm']): ModelRef {
  const configured = [llm.defaultModel, ...Object.values(llm.models)]
    .map(parseModelRef)
    .find((r) => r.provider === provider);
  return configured ?? { provider, model: BUILT_IN_MODELS[provider] };
}

/**
 * The models to try for a mode, in order: the mode's configured model, then each other listed provider with its
 * default model. A configured model whose provider is not in LLM_PROVIDERS is ignored: the list says which
 * providers may be called.
 */
export function chainFor(mode: LlmMode, llm: AppConfig['llm']): ModelRef[] {
  const wanted = parseModelRef(llm.models[mode]);
  const first = llm.providers.includes(wanted.provider) ? [wanted] : [];
  const rest = llm.providers
    .filter((p) => p !== wanted.provider || first.length === 0)
    .map((p) => defaultModelOf(p, llm));
  return [...first, ...rest];
}
