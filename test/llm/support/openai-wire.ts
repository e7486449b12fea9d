import type { ServerResponse } from 'node:http';
import { sendJson, startSse, untilClosed, writeEvents, type Behaviour } from './fake-llm-server';

/** OpenAI chat/completions responses as the real API (and Ollama, vLLM…) send them. */

const event = (delta: Record<string, unknown>, finishReason: string | null = null) =>
  `data: ${JSON.stringify({
    id: 'chatcmpl-test',
    object: 'chat.completion.chunk',
    created: 1700000000,
    model: 'gpt-4o-mini',
    choices: [{ index: 0, delta, finish_reason: finishReason }],
  })}\n\n`;

const deltas = (texts: string[]) => [
  event({ role: 'assistant', content: '' }),
  ...texts.map((t) => event({ content: t })),
];

export function openaiStream(texts: string[], finishReason = 'stop'): Behaviour {
  return async (res) => {
    startSse(res);
    await writeEvents(res, [...deltas(texts), event({}, finishReason), 'data: [DONE]\n\n']);
    res.end();
  };
}

export function openaiStallAfter(texts: string[]): Behaviour {
  return async (res) => {
    startSse(res);
    await writeEvents(res, deltas(texts));
    await untilClosed(res);
  };
}

export const openaiSilentStream: Behaviour = async (res) => {
  startSse(res);
  await untilClosed(res);
};

export function openaiMalformed(before: string[] = []): Behaviour {
  return async (res) => {
    startSse(res);
    await writeEvents(res, [
      ...deltas(before),
      'data: {"id":"chatcmpl-test","choices":[{"delta":{"content":"Hel\n\n',
    ]);
    res.end();
  };
}

export function openaiJson(content: string): Behaviour {
  return (res) =>
    sendJson(res, 200, {
      id: 'chatcmpl-test',
      object: 'chat.completion',
      created: 1700000000,
      model: 'gpt-4o-mini',
      choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 30, completion_tokens: 20, total_tokens: 50 },
    });
}

export function openaiError(status: number): Behaviour {
  const type = status === 429 ? 'requests' : status >= 500 ? 'server_error' : 'invalid_request_error';
  return (res: ServerResponse) =>
    sendJson(res, status, {
      error: {
        message: `simulated ${status}`,
        type,
        param: null,
        code: status === 429 ? 'rate_limit_exceeded' : null,
      },
    });
}
