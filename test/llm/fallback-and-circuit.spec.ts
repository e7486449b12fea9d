import { setTimeout as sleep } from 'node:timers/promises';
import { LlmUnavailableError } from '../../src/platform/llm';
import { waitFor } from '../helpers/wait';
import { geminiError, geminiStallAfter, geminiStream } from './support/gemini-wire';
import { collect, metric, startHarness, userTurn, type Harness } from './support/llm-harness';
import { openaiError, openaiStream } from './support/openai-wire';

const request = {
  mode: 'chat' as const,
  locale: 'en' as const,
  seed: 'c-3',
  messages: [userTurn('Morning! Busy day?')],
};

describe('the fallback chain, end to end', () => {
  let h: Harness;
  afterEach(() => h.close());

  it('walks gemini → openai with the model configured for each, then answers from openai', async () => {
    h = await startHarness({ CHAT_MODEL: 'gemini/gemini-2.5-pro', FEEDBACK_MODEL: 'openai/gpt-4o' });
    const hops = await metric('llm_fallbacks_total', { from: 'gemini', to: 'openai' });
    h.gemini.next(geminiError(503), geminiError(503));
    h.openai.next(openaiStream(['Not too bad, ', 'you?']));
    const { chunks, result } = await collect(h.llm.stream(request));
    expect(chunks.join('')).toBe('Not too bad, you?');
    expect(result).toMatchObject({ provider: 'openai', model: 'openai/gpt-4o' });
    expect(h.gemini.requests.map((r) => r.url)).toEqual(
      Array(2).fill('/v1beta/models/gemini-2.5-pro:streamGenerateContent?alt=sse'),
    );
    expect(h.openai.requests[0].body.model).toBe('gpt-4o');
    await expect(metric('llm_fallbacks_total', { from: 'gemini', to: 'openai' })).resolves.toBe(hops + 1);
  });

  it('rejects with LLM_UNAVAILABLE when every provider fails, on both done and the chunks', async () => {
    h = await startHarness({ LLM_PROVIDERS: 'gemini,openai', LLM_MAX_RETRIES: '0' });
    h.gemini.next(geminiError(500));
    h.openai.next(openaiError(502));
    const { chunks, error, iterationError } = await collect(h.llm.stream(request));
    expect(chunks).toEqual([]);
    expect(error).toBeInstanceOf(LlmUnavailableError);
    expect(error).toMatchObject({ kind: 'unavailable', code: 'LLM_UNAVAILABLE', reason: 'exhausted' });
    expect(iterationError).toBe(error);

    const schema = { type: 'object' };
    h.gemini.next(geminiError(500));
    h.openai.next(openaiError(500));
    await expect(
      h.llm.completeJson(request, { name: 'x', schema, offline: () => ({}) }),
    ).rejects.toMatchObject({ code: 'LLM_UNAVAILABLE' });
  });

  it('skips a listed provider that has no key', async () => {
    h = await startHarness({ GEMINI_API_KEY: '' });
    h.openai.next(openaiStream(['Hi!']));
    await expect(collect(h.llm.stream(request))).resolves.toMatchObject({ result: { provider: 'openai' } });
    expect(h.gemini.requests).toHaveLength(0);
    expect(h.llm.describe().providers.find((p) => p.name === 'gemini')?.configured).toBe(false);
  });

  it('cancels the provider request when the caller aborts, and rejects with the abort reason', async () => {
    h = await startHarness();
    const controller = new AbortController();
    h.gemini.next(geminiStallAfter(['Well, ']));
    const stream = h.llm.stream({ ...request, signal: controller.signal });
    const seen: string[] = [];
    const reading = (async () => {
      for await (const chunk of stream.chunks) {
        seen.push(chunk);
        controller.abort(new Error('learner left'));
      }
    })();
    await expect(reading).rejects.toThrow('learner left');
    await expect(stream.done).rejects.toThrow('learner left');
    expect(seen).toEqual(['Well, ']);
    await waitFor(() => h.gemini.requests[0]?.aborted);
    expect(h.openai.requests).toHaveLength(0);
  });
});

describe('the circuit breaker, end to end', () => {
  let h: Harness;
  beforeEach(
    async () =>
      (h = await startHarness({
        LLM_CIRCUIT_FAILURE_THRESHOLD: '2',
        LLM_CIRCUIT_RESET_MS: '1500',
        LLM_MAX_RETRIES: '0',
      })),
  );
  afterEach(() => h.close());

  it('opens after repeated failures, skips the provider, then probes it again and closes on success', async () => {
    const skipped = await metric('llm_requests_total', { provider: 'gemini', outcome: 'circuit_open' });
    h.gemini.next(geminiError(500), geminiError(500));
    h.openai.next(openaiStream(['one']), openaiStream(['two']), openaiStream(['three']));

    await expect(collect(h.llm.stream(request))).resolves.toMatchObject({
      result: { provider: 'openai', text: 'one' },
    });
    await expect(collect(h.llm.stream(request))).resolves.toMatchObject({
      result: { provider: 'openai', text: 'two' },
    });
    expect(h.llm.describe().providers.find((p) => p.name === 'gemini')?.circuit).toBe('open');

    // Open: gemini is not called at all.
    await expect(collect(h.llm.stream(request))).resolves.toMatchObject({
      result: { provider: 'openai', text: 'three' },
    });
    expect(h.gemini.requests).toHaveLength(2);
    await expect(metric('llm_requests_total', { provider: 'gemini', outcome: 'circuit_open' })).resolves.toBe(
      skipped + 1,
    );

    // After the reset time one probe goes through; its success closes the circuit.
    await sleep(1600);
    expect(h.llm.describe().providers.find((p) => p.name === 'gemini')?.circuit).toBe('half-open');
    h.gemini.next(geminiStream(['back']), geminiStream(['again']));
    await expect(collect(h.llm.stream(request))).resolves.toMatchObject({
      result: { provider: 'gemini', text: 'back' },
    });
    expect(h.llm.describe().providers.find((p) => p.name === 'gemini')?.circuit).toBe('closed');
    await expect(collect(h.llm.stream(request))).resolves.toMatchObject({
      result: { provider: 'gemini', text: 'again' },
    });
  });

  it('reopens when the half-open probe fails', async () => {
    h.gemini.next(geminiError(500), geminiError(500));
    h.openai.next(openaiStream(['a']), openaiStream(['b']), openaiStream(['c']), openaiStream(['d']));
    await collect(h.llm.stream(request));
    await collect(h.llm.stream(request));
    await sleep(1600);
    h.gemini.next(geminiError(500));
    await expect(collect(h.llm.stream(request))).resolves.toMatchObject({
      result: { provider: 'openai', text: 'c' },
    });
    expect(h.gemini.requests).toHaveLength(3);
    expect(h.llm.describe().providers.find((p) => p.name === 'gemini')?.circuit).toBe('open');
    await expect(collect(h.llm.stream(request))).resolves.toMatchObject({
      result: { provider: 'openai', text: 'd' },
    });
    expect(h.gemini.requests).toHaveLength(3);
  });

  it('does not count a rejected request against the provider', async () => {
    h.gemini.next(geminiError(400), geminiError(400), geminiError(400));
    for (let i = 0; i < 3; i++)
      await expect(collect(h.llm.stream(request))).resolves.toMatchObject({ error: { reason: 'rejected' } });
    expect(h.llm.describe().providers.find((p) => p.name === 'gemini')?.circuit).toBe('closed');
  });
});
