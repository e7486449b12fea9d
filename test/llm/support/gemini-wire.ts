import type { ServerResponse } from 'node:http';
import { sendJson, startSse, untilClosed, writeEvents, type Behaviour } from './fake-llm-server';

/** Gemini API responses as the real service sends them (streamGenerateContent?alt=sse and generateContent). */

const chunk = (text: string, finishReason?: string) =>
  `data: ${JSON.stringify({
    candidates: [
      { content: { parts: [{ text }], role: 'model' }, index: 0, ...(finishReason ? { finishReason } : {}) },
    ],
    ...(finishReason
      ? { usageMetadata: { promptTokenCount: 12, candidatesTokenCount: 8, totalTokenCount: 20 } }
      : {}),
    modelVersion: 'gemini-2.5-flash',
  })}\r\n\r\n`;

export function geminiStream(texts: string[], finishReason = 'STOP'): Behaviour {
  return async (res) => {
    startSse(res);
    await writeEvents(
      res,
      texts.map((t, i) => chunk(t, i === texts.length - 1 ? finishReason : undefined)),
    );
    res.end();
  };
}

/** Sends the first chunks, then stops writing without closing: a stall mid-stream. */
export function geminiStallAfter(texts: string[]): Behaviour {
  return async (res) => {
    startSse(res);
    await writeEvents(
      res,
      texts.map((t) => chunk(t)),
    );
    await untilClosed(res);
  };
}

/** Answers 200, then never sends a chunk: a stall before the first token. */
export const geminiSilentStream: Behaviour = async (res) => {
  startSse(res);
  await untilClosed(res);
};

/** The given chunks, then an event whose JSON is cut off. */
export function geminiMalformed(before: string[] = []): Behaviour {
  return async (res) => {
    startSse(res);
    await writeEvents(res, [
      ...before.map((t) => chunk(t)),
      'data: {"candidates": [{"content": {"parts": [{"text": "Hel\r\n\r\n',
    ]);
    res.end();
  };
}

export const geminiBlocked: Behaviour = async (res) => {
  startSse(res);
  await writeEvents(res, [
    `data: ${JSON.stringify({ promptFeedback: { blockReason: 'SAFETY' }, modelVersion: 'gemini-2.5-flash' })}\r\n\r\n`,
  ]);
  res.end();
};

export function geminiJson(text: string): Behaviour {
  return (res) =>
    sendJson(res, 200, {
      candidates: [{ content: { parts: [{ text }], role: 'model' }, finishReason: 'STOP', index: 0 }],
      usageMetadata: { promptTokenCount: 30, candidatesTokenCount: 20, totalTokenCount: 50 },
      modelVersion: 'gemini-2.5-flash',
    });
}

const STATUS: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  403: 'PERMISSION_DENIED',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
};

export function geminiError(code: number): Behaviour {
  return (res: ServerResponse) =>
    sendJson(res, code, { error: { code, message: `simulated ${code}`, status: STATUS[code] ?? 'UNKNOWN' } });
}
