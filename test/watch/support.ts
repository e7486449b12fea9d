import request from 'supertest';
import type { RunningApp } from '../helpers/app';
import type { TestUser } from '../helpers/auth';
import { collectSse, type SseEvent } from '../helpers/sse';

export const api = (path: string): string => `/api/v1${path}`;
export const as = (u: Pick<TestUser, 'accessToken'>): Record<string, string> => ({
  Authorization: `Bearer ${u.accessToken}`,
});

export interface WatchMessage {
  id: string;
  conversationId: string;
  role: 'user' | 'assistant';
  speaker: string | null;
  content: string;
  clientMessageId: string | null;
  createdAt: string;
  turn: number | null;
}

export interface WatchQuiz {
  id: string;
  sessionId: string;
  afterTurn: number;
  question: string;
  choices: string[];
}

export interface Started {
  sessionId: string;
  theme: string;
  personas: Array<{ name: string; role: string; personality: string }>;
  maxTurns: number;
  locale: 'ja' | 'en';
}

export async function startWatch(
  running: RunningApp,
  user: TestUser,
  body: Record<string, unknown> = {},
): Promise<Started> {
  const res = await request(running.url).post(api('/watch/start')).set(as(user)).send(body);
  if (res.status !== 201) throw new Error(`watch/start answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body as Started;
}

/** Opens GET /watch/stream/{id} and collects its events until the server ends the stream (or `until` says stop). */
export function streamWatch(
  baseUrl: string,
  user: TestUser,
  sessionId: string,
  until?: (e: SseEvent, all: SseEvent[]) => boolean,
): ReturnType<typeof collectSse> {
  return collectSse(`${baseUrl}${api(`/watch/stream/${sessionId}`)}`, { headers: as(user), until });
}

export const ofType = <T>(events: SseEvent[], type: string): T[] =>
  events.filter((e) => e.event === type).map((e) => e.data as T);
