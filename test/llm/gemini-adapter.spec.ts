import { LlmUnavailableError } from '../../src/platform/llm';
import {
  geminiBlocked,
  geminiError,
  geminiJson,
  geminiMalformed,
  geminiSilentStream,
  geminiStallAfter,
  geminiStream,
} from './support/gemini-wire';
import { waitFor } from '../helpers/wait';
import { collect, metric, startHarness, userTurn, type Harness } from './support/llm-harness';

const STREAM_PATH = '/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse';
const JSON_PATH = '/v1beta/models/gemini-2.5-flash:generateContent';

const request = {
  mode: 'chat' as const,
  locale: 'en' as const,
  seed: 'conversation-1',
  messages: [
    { role: 'system' as const, content: 'You are Alex, a friendly teammate.' },
    { role: 'assistant' as const, content: 'Hi there!' },
    userTurn('How was your weekend?'),
  ],
};

describe('Gemini adapter against a server speaking the Gemini wire format', () => {
  let h: Harness;
  beforeEach(async () => (h = await startHarness({ LLM_PROVIDERS: 'gemini,offline' })));
  afterEach(() => h.close());

  it('streams the text chunks and reports provider, model and timings', async () => {
    h.gemini.next(geminiStream(['It was ', 'great, ', 'thanks!']));
    const { chunks, result, error } = await collect(h.llm.stream(request));
    expect(error).toBeUndefined();
    expect(chunks).toEqual(['It was ', 'great, ', 'thanks!']);
    expect(result).toMatchObject({
      provider: 'gemini',
      model: 'gemini/gemini-2.5-flash',
      text: 'It was great, thanks!',
    });
    expect(result!.firstTokenMs).toBeLessThanOrEqual(result!.totalMs);

    const [sent] = h.gemini.requests;
    expect(sent.url).toBe(STREAM_PATH);
    expect(sent.headers['x-goog-api-key']).toBe('test-gemini-key');
    expect(sent.body.systemInstruction.parts[0].text).toBe('You are Alex, a friendly teammate.');
    // Gemini wants the conversation to start with the user, so an opening model turn gets a cue before it.
    expect(sent.body.contents.map((c: { role: string }) => c.role)).toEqual(['user', 'model', 'user']);
    expect(sent.body.contents[2].parts[0].text).toBe('How was your weekend?');
  });

  it('falls back to the next provider on a 429 without retrying the exhausted quota', async () => {
    const before = await metric('llm_fallbacks_total', { from: 'gemini', to: 'offline' });
    const limited = await metric('llm_requests_total', { provider: 'gemini', outcome: 'rate_limited' });
    h.gemini.next(geminiError(429));
    const { result, chunks } = await collect(h.llm.stream(request));
    expect(result?.provider).toBe('offline');
    expect(chunks.join('')).toBe(result?.text);
    expect(h.gemini.requests).toHaveLength(1);
    await expect(metric('llm_fallbacks_total', { from: 'gemini', to: 'offline' })).resolves.toBe(before + 1);
    await expect(metric('llm_requests_total', { provider: 'gemini', outcome: 'rate_limited' })).resolves.toBe(
      limited + 1,
    );
  });

  it('retries a 500 with backoff before any text was sent, and succeeds on the retry', async () => {
    h.gemini.next(geminiError(500), geminiStream(['Recovered.']));
    const { result } = await collect(h.llm.stream(request));
    expect(result).toMatchObject({ provider: 'gemini', text: 'Recovered.' });
    expect(h.gemini.requests).toHaveLength(2);
  });

  it('falls back after the retries of a 500 are spent', async () => {
    h.gemini.next(geminiError(500), geminiError(503));
    const { result } = await collect(h.llm.stream(request));
    expect(result?.provider).toBe('offline');
    expect(h.gemini.requests).toHaveLength(2);
  });

  it('gives up on a stall before the first token, aborts the HTTP request and falls back', async () => {
    const timeouts = await metric('llm_requests_total', { provider: 'gemini', outcome: 'timeout' });
    h.gemini.next(geminiSilentStream);
    const { result } = await collect(h.llm.stream(request));
    expect(result?.provider).toBe('offline');
    expect(h.gemini.requests).toHaveLength(1);
    await waitFor(() => h.gemini.requests[0].aborted);
    await expect(metric('llm_requests_total', { provider: 'gemini', outcome: 'timeout' })).resolves.toBe(
      timeouts + 1,
    );
  });

  it('ends with LLM_UNAVAILABLE after a stall mid-stream, without restarting and duplicating text', async () => {
    h.gemini.next(geminiStallAfter(['First part, ']));
    const { chunks, error, iterationError } = await collect(h.llm.stream(request));
    expect(chunks).toEqual(['First part, ']);
    expect(error).toBeInstanceOf(LlmUnavailableError);
    expect(error).toMatchObject({ code: 'LLM_UNAVAILABLE', reason: 'interrupted' });
    expect(iterationError).toBe(error);
    expect(h.gemini.requests).toHaveLength(1);
    await waitFor(() => h.gemini.requests[0].aborted);
  });

  it('treats a malformed first chunk as a transient fault: retried, then the next provider', async () => {
    h.gemini.next(geminiMalformed(), geminiMalformed());
    const { result } = await collect(h.llm.stream(request));
    expect(result?.provider).toBe('offline');
    expect(h.gemini.requests).toHaveLength(2);
  });

  it('fails for good when a chunk is malformed after text was sent', async () => {
    h.gemini.next(geminiMalformed(['Hello ']));
    const { chunks, error } = await collect(h.llm.stream(request));
    expect(chunks).toEqual(['Hello ']);
    expect(error).toMatchObject({ code: 'LLM_UNAVAILABLE', reason: 'interrupted' });
    expect(h.gemini.requests).toHaveLength(1);
  });

  it('does not fall back on a rejected request (400) or a safety block', async () => {
    h.gemini.next(geminiError(400), geminiBlocked);
    const rejected = await collect(h.llm.stream(request));
    expect(rejected.error).toMatchObject({ code: 'LLM_UNAVAILABLE', reason: 'rejected' });
    const blocked = await collect(h.llm.stream(request));
    expect(blocked.error).toMatchObject({ code: 'LLM_UNAVAILABLE', reason: 'blocked' });
    expect(h.gemini.requests).toHaveLength(2);
  });

  it('repairs an invalid JSON answer once by sending it back with the problems', async () => {
    const schema = {
      type: 'object',
      required: ['score', 'tip'],
      properties: { score: { type: 'integer', minimum: 0, maximum: 100 }, tip: { type: 'string' } },
    };
    h.gemini.next(
      geminiJson('```json\n{"score": "high"}\n```'),
      geminiJson('{"score": 82, "tip": "Ask one more question."}'),
    );
    const answer = await h.llm.completeJson<{ score: number; tip: string }>(
      { ...request, mode: 'feedback' },
      { name: 'feedback', schema, offline: () => ({ score: 50, tip: 'offline' }) },
    );
    expect(answer).toEqual({
      value: { score: 82, tip: 'Ask one more question.' },
      provider: 'gemini',
      model: 'gemini/gemini-2.5-flash',
    });

    expect(h.gemini.requests.map((r) => r.url)).toEqual([JSON_PATH, JSON_PATH]);
    const [first, repair] = h.gemini.requests;
    expect(first.body.generationConfig.responseMimeType).toBe('application/json');
    expect(first.body.systemInstruction.parts.map((p: { text: string }) => p.text).join('\n')).toContain(
      '"required":["score","tip"]',
    );
    const turns = repair.body.contents as Array<{ role: string; parts: Array<{ text: string }> }>;
    expect(turns[turns.length - 2]).toEqual({
      role: 'model',
      parts: [{ text: '```json\n{"score": "high"}\n```' }],
    });
    expect(turns[turns.length - 1].parts[0].text).toMatch(/score must be integer/);
    expect(turns[turns.length - 1].parts[0].text).toMatch(/must have required property 'tip'/);
  });

  it("falls back to the caller's offline answer when the repair is invalid too", async () => {
    const schema = { type: 'object', required: ['ok'], properties: { ok: { type: 'boolean' } } };
    h.gemini.next(geminiJson('not json at all'), geminiJson('{"ok": "yes"}'));
    await expect(
      h.llm.completeJson(
        { ...request, mode: 'analysis' },
        { name: 'check', schema, offline: () => ({ ok: true }) },
      ),
    ).resolves.toEqual({
      value: { ok: true },
      provider: 'offline',
      model: 'offline/coach',
    });
    expect(h.gemini.requests).toHaveLength(2);
  });
});
