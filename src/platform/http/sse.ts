import type { FastifyReply } from 'fastify';

export interface SseStream {
  send(event: string, data: unknown): void;
  close(): void;
  readonly closed: boolean;
  onClose(listener: () => void): void;
}

/**
 * Takes over the response and answers as Server-Sent Events. Headers already set on the reply
 * (request id, security headers, CORS) are kept. A client that goes away only stops the writing.
 */
export function openSse(reply: FastifyReply, heartbeatMs = 15000): SseStream {
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, {
    ...(reply.getHeaders() as Record<string, string>),
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  let closed = false;
  const listeners: Array<() => void> = [];
  const heartbeat = setInterval(() => !closed && raw.write(': keep-alive\n\n'), heartbeatMs);
  const finish = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    listeners.splice(0).forEach((l) => l());
  };
  raw.on('close', finish);
  return {
    get closed() {
      return closed;
    },
    send(event, data) {
      if (closed) return;
      raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    close() {
      if (!closed) raw.end();
      finish();
    },
    onClose(listener) {
      if (closed) listener();
      else listeners.push(listener);
    },
  };
}

export function wantsEventStream(accept: string | undefined): boolean {
  return /text\/event-stream/i.test(accept ?? '');
}
