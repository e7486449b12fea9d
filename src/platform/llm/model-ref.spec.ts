import { loadConfig } from '../../config';
import { chainFor, defaultModelOf, formatModelRef, parseModelRef } from './model-ref';

const llm = (env: Record<string, string>) => loadConfig({ NODE_ENV: 'test', ...env }).llm;

describe('model references', () => {
  it('splits at the first slash', () => {
    expect(parseModelRef('openai/meta-llama/Llama-3.1-8B')).toEqual({
      provider: 'openai',
      model: 'meta-llama/Llama-3.1-8B',
    });
    expect(formatModelRef({ provider: 'gemini', model: 'gemini-2.5-pro' })).toBe('gemini/gemini-2.5-pro');
    expect(() => parseModelRef('llama3')).toThrow();
    expect(() => parseModelRef('other/x')).toThrow();
  });

  it('is the offline coach by default', () => {
    expect(chainFor('chat', llm({})).map(formatModelRef)).toEqual(['offline/coach']);
  });

  it('puts the mode model first and the other providers after it, in list order', () => {
    const config = llm({
      LLM_PROVIDERS: 'gemini,openai,offline',
      DEFAULT_MODEL: 'gemini/gemini-2.5-flash',
      FEEDBACK_MODEL: 'openai/gpt-4o',
    });
    expect(chainFor('chat', config).map(formatModelRef)).toEqual([
      'gemini/gemini-2.5-flash',
      'openai/gpt-4o',
      'offline/coach',
    ]);
    expect(chainFor('feedback', config).map(formatModelRef)).toEqual([
      'openai/gpt-4o',
      'gemini/gemini-2.5-flash',
      'offline/coach',
    ]);
    expect(chainFor('analysis', config).map(formatModelRef)).toEqual([
      'openai/gpt-4o',
      'gemini/gemini-2.5-flash',
      'offline/coach',
    ]);
  });

  it('falls back to a provider with the model configured for it elsewhere, or its built-in default', () => {
    const config = llm({
      LLM_PROVIDERS: 'openai,gemini',
      CHAT_MODEL: 'openai/llama3.1',
      DEFAULT_MODEL: 'gemini/gemini-2.5-pro',
    });
    expect(formatModelRef(defaultModelOf('openai', config))).toBe('openai/llama3.1');
    expect(formatModelRef(defaultModelOf('offline', config))).toBe('offline/coach');
    expect(chainFor('scenario', config).map(formatModelRef)).toEqual([
      'gemini/gemini-2.5-pro',
      'openai/llama3.1',
    ]);
  });

  it('ignores a configured model whose provider is not listed', () => {
    const config = llm({ LLM_PROVIDERS: 'offline', CHAT_MODEL: 'gemini/gemini-2.5-flash' });
    expect(chainFor('chat', config).map(formatModelRef)).toEqual(['offline/coach']);
  });
});
