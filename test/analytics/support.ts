import Redis from 'ioredis';
import request from 'supertest';
import type { RunningApp } from '../helpers/app';
import type { TestUser } from '../helpers/auth';
import { TEST_REDIS_URL } from '../helpers/database';
import { waitFor } from '../helpers/wait';

export const api = (path: string): string => `/api/v1${path}`;
export const as = (user: { accessToken: string }) => ({ Authorization: `Bearer ${user.accessToken}` });

export interface Practice {
  locale?: 'ja' | 'en';
  messages: string[];
  /** Ask for feedback before ending (default true). */
  feedback?: boolean;
  /** End the conversation (default true). */
  end?: boolean;
}

/** One chat conversation driven through the HTTP API with the offline AI; returns its id. */
export async function practise(running: RunningApp, user: TestUser, practice: Practice): Promise<string> {
  const started = await request(running.url)
    .post(api('/chat/start'))
    .set(as(user))
    .send({ locale: practice.locale ?? 'en', partnerType: 'manager' })
    .expect(201);
  const conversationId = started.body.conversationId as string;
  for (const content of practice.messages) {
    await request(running.url)
      .post(api('/chat/message'))
      .set(as(user))
      .send({ conversationId, content })
      .expect(201);
  }
  if (practice.feedback ?? true) {
    await request(running.url).post(api('/chat/feedback')).set(as(user)).send({ conversationId }).expect(201);
  }
  if (practice.end ?? true) {
    await request(running.url).post(api('/chat/end')).set(as(user)).send({ conversationId }).expect(200);
  }
  return conversationId;
}

export interface JobBody {
  id: string;
  status: 'queued' | 'running' | 'completed' | 'failed';
  attempts: number;
  result?: { id: string; scores: Record<string, number> };
  error?: string;
}

/** Polls a job until it has finished, and returns its last state. */
export async function finished(
  running: RunningApp,
  user: TestUser,
  jobId: string,
  timeoutMs = 20000,
): Promise<JobBody> {
  const job = await waitFor(
    async () => {
      const res = await request(running.url)
        .get(api(`/analytics/jobs/${jobId}`))
        .set(as(user))
        .expect(200);
      const body = res.body as JobBody;
      return body.status === 'completed' || body.status === 'failed' ? body : undefined;
    },
    { timeoutMs, intervalMs: 50 },
  );
  return job!;
}

/** A counter of the Prometheus text of /metrics, 0 when absent. */
export async function metric(
  running: RunningApp,
  name: string,
  labels: Record<string, string>,
): Promise<number> {
  const text = (await request(running.url).get('/metrics').expect(200)).text;
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && wanted.every((w) => l.includes(w)));
  return line ? Number(line.split(' ').pop()) : 0;
}

export const SKILLED_EN = [
  'Thank you for explaining. Just to confirm, the deadline is Friday 5 pm, right?',
  'That sounds stressful, I can imagine. How about we split the report into two parts?',
  'Great, I would be happy to take the first part. Could you share the data, please?',
];
export const PLAIN_EN = ['ok sure thing then', 'I can send it tomorrow morning', 'Thanks, that makes sense'];

/** Removes what a spec left in Redis under its prefix (queues keep finished jobs for days). */
export async function dropRedisPrefix(prefix: string): Promise<void> {
  const redis = new Redis(TEST_REDIS_URL);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      if (keys.length) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
