import { LlmUnavailableError } from '../../src/platform/llm';
import { waitFor } from '../helpers/wait';
import { collect, metric, startHarness, userTurn, type Harness } from './support/llm-harness';
import {
  openaiError,
  openaiJson,
  openaiMalformed,
  openaiSilentStream,
  openaiStallAfter,
  openaiStream,
} from './support/openai-wire';

const request = {
  mode: 'scenario' as const,
  locale: 'ja' as const,
  seed: 'conversation-2',
  messages: [
    { role: 'system' as const, content: 'あなたは取引先の担当者です。' },
    { role: 'assistant' as const, content: '本日はよろしくお願いいたします。', name: '高橋' },
    userTurn('こちらこそ、よろしくお願いいたします。'),
  ],
};

describe('OpenAI adapter against a server speaking the chat/completions wire format', () => {
  let h: Harness;
  beforeEach(
    async () =>
      (h = await startHarness({ LLM_PROVIDERS: 'openai,offline', DEFAULT_MODEL: 'openai/llama3.1' })),
  );
  afterEach(() => h.close());

  it('streams the deltas and sends the conversation with speaker names in the text', async () => {
    const answered = await metric('llm_response_duration_seconds', {
      model: 'openai/llama3.1',
      mode: 'scenario',
    });
    const firstTokens = await metric('llm_time_to_first_token_seconds', {
      model: 'openai/llama3.1',
      mode: 'scenario',
    });
    h.openai.next(openaiStream(['では、', 'さっそく', '本題に入りましょう。']));
    const { chunks, result } = await collect(h.llm.stream(request));
    expect(chunks).toEqual(['では、', 'さっそく', '本題に入りましょう。']);
    expect(result).toMatchObject({
      provider: 'openai',
      model: 'openai/llama3.1',
      text: 'では、さっそく本題に入りましょう。',
    });

    const [sent] = h.openai.requests;
    expect(sent.url).toBe('/v1/chat/completions');
    expect(sent.headers.authorization).toBe('Bearer test-openai-key');
    expect(sent.body).toMatchObject({ model: 'llama3.1', stream: true });
    expect(sent.body.messages).toEqual([
      { role: 'system', content: 'あなたは取引先の担当者です。' },
      { role: 'assistant', content: '高橋: 本日はよろしくお願いいたします。' },
      { role: 'user', content: 'こちらこそ、よろしくお願いいたします。' },
    ]);
    await expect(
      metric('llm_response_duration_seconds', { model: 'openai/llama3.1', mode: 'scenario' }),
    ).resolves.toBe(answered + 1);
    await expect(
      metric('llm_time_to_first_token_seconds', { model: 'openai/llama3.1', mode: 'scenario' }),
    ).resolves.toBe(firstTokens + 1);
  });

  it('falls back on a 429 and counts the fallback', async () => {
    const before = await metric('llm_fallbacks_total', { from: 'openai', to: 'offline' });
    h.openai.next(openaiError(429));
    const { result } = await collect(h.llm.stream(request));
    expect(result?.provider).toBe('offline');
    expect(h.openai.requests).toHaveLength(1);
    await expect(metric('llm_fallbacks_total', { from: 'openai', to: 'offline' })).resolves.toBe(before + 1);
  });

  it('retries a 500 once (SDK retries are off), then falls back', async () => {
    h.openai.next(openaiError(500), openaiError(500));
    const { result } = await collect(h.llm.stream(request));
    expect(result?.provider).toBe('offline');
    expect(h.openai.requests).toHaveLength(2);
  });

  it('falls back after a stall before the first token and aborts the request', async () => {
    h.openai.next(openaiSilentStream);
    const { result } = await collect(h.llm.stream(request));
    expect(result?.provider).toBe('offline');
    expect(h.openai.requests).toHaveLength(1);
    await waitFor(() => h.openai.requests[0].aborted);
  });

  it('fails for good on a stall mid-stream, even though the SDK ends an aborted stream quietly', async () => {
    h.openai.next(openaiStallAfter(['少々お待ちください。']));
    const { chunks, error } = await collect(h.llm.stream(request));
    expect(chunks).toEqual(['少々お待ちください。']);
    expect(error).toBeInstanceOf(LlmUnavailableError);
    expect(error).toMatchObject({ code: 'LLM_UNAVAILABLE', reason: 'interrupted' });
    expect(h.openai.requests).toHaveLength(1);
    await waitFor(() => h.openai.requests[0].aborted);
  });

  it('retries a malformed chunk before any text, and fails for good after text', async () => {
    h.openai.next(openaiMalformed(), openaiStream(['承知しました。']));
    await expect(collect(h.llm.stream(request))).resolves.toMatchObject({
      result: { provider: 'openai', text: '承知しました。' },
    });
    expect(h.openai.requests).toHaveLength(2);

    h.openai.next(openaiMalformed(['はい、']));
    const broken = await collect(h.llm.stream(request));
    expect(broken.chunks).toEqual(['はい、']);
    expect(broken.error).toMatchObject({ reason: 'interrupted' });
    expect(h.openai.requests).toHaveLength(3);
  });

  it('does not fall back on a 400 or a content filter stop', async () => {
    h.openai.next(openaiError(400), openaiStream([], 'content_filter'));
    await expect(collect(h.llm.stream(request))).resolves.toMatchObject({ error: { reason: 'rejected' } });
    await expect(collect(h.llm.stream(request))).resolves.toMatchObject({ error: { reason: 'blocked' } });
    expect(h.openai.requests).toHaveLength(2);
  });

  it('asks for a JSON object and repairs an invalid one', async () => {
    const schema = {
      type: 'object',
      required: ['choices', 'correct'],
      properties: {
        choices: { type: 'array', minItems: 3, maxItems: 4, items: { type: 'string' } },
        correct: { type: 'integer', minimum: 0 },
      },
    };
    h.openai.next(
      openaiJson('{"choices": ["A", "B"], "correct": 0}'),
      openaiJson('{"choices": ["A", "B", "C"], "correct": 2}'),
    );
    await expect(
      h.llm.completeJson(
        { ...request, mode: 'watch' },
        { name: 'quiz', schema, offline: () => ({ choices: ['x', 'y', 'z'], correct: 0 }) },
      ),
    ).resolves.toEqual({
      value: { choices: ['A', 'B', 'C'], correct: 2 },
      provider: 'openai',
      model: 'openai/llama3.1',
    });

    const [first, repair] = h.openai.requests;
    expect(first.body.response_format).toEqual({ type: 'json_object' });
    expect(first.body.stream).toBeUndefined();
    const turns = repair.body.messages as Array<{ role: string; content: string }>;
    expect(turns[turns.length - 2]).toEqual({
      role: 'assistant',
      content: '{"choices": ["A", "B"], "correct": 0}',
    });
    expect(turns[turns.length - 1].content).toMatch(/choices must NOT have fewer than 3 items/);
  });

  it('times out a JSON answer that never comes and uses the offline answer', async () => {
    const schema = { type: 'object', required: ['n'], properties: { n: { type: 'number' } } };
    h.openai.next(openaiSilentStream);
    await expect(
      h.llm.completeJson({ ...request, mode: 'feedback' }, { name: 'n', schema, offline: () => ({ n: 1 }) }),
    ).resolves.toMatchObject({
      value: { n: 1 },
      provider: 'offline',
    });
    await waitFor(() => h.openai.requests[0]?.aborted);
  });
});

describe('OpenAI-compatible local server without a key (Ollama)', () => {
  let h: Harness;
  beforeEach(
    async () =>
      (h = await startHarness({
        LLM_PROVIDERS: 'openai',
        DEFAULT_MODEL: 'openai/llama3.1',
        OPENAI_API_KEY: '',
      })),
  );
  afterEach(() => h.close());

  it('is configured by its base URL alone', async () => {
    h.openai.next(openaiStream(['Hello!']));
    await expect(collect(h.llm.stream({ ...request, locale: 'en' }))).resolves.toMatchObject({
      result: { provider: 'openai', text: 'Hello!' },
    });
    expect(h.llm.describe().providers).toEqual([
      { name: 'openai', configured: true, defaultModel: 'openai/llama3.1', circuit: 'closed' },
    ]);
  });
});
