import { request as httpRequest } from 'node:http';

export interface SseEvent {
  event: string;
  data: unknown;
}

/**
 * Sends a request and collects its Server-Sent Events until the server ends the stream (or `until` says
 * stop, which closes the connection). Returns the status and the events in order.
 */
export function collectSse(
  url: string,
  options: {
    method?: string;
    headers?: Record<string, string>;
    body?: unknown;
    until?: (e: SseEvent, all: SseEvent[]) => boolean;
  },
): Promise<{ status: number; headers: Record<string, unknown>; events: SseEvent[]; raw: string }> {
  return new Promise((resolve, reject) => {
    const body = options.body === undefined ? undefined : JSON.stringify(options.body);
    const req = httpRequest(
      url,
      {
        method: options.method ?? 'GET',
        headers: {
          accept: 'text/event-stream',
          ...(body
            ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) }
            : {}),
          ...options.headers,
        },
      },
      (res) => {
        const events: SseEvent[] = [];
        let buffer = '';
        let raw = '';
        const finish = () => resolve({ status: res.statusCode ?? 0, headers: res.headers, events, raw });
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          raw += chunk;
          buffer += chunk;
          let cut: number;
          while ((cut = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, cut);
            buffer = buffer.slice(cut + 2);
            const lines = block.split('\n');
            const event = lines.find((l) => l.startsWith('event: '))?.slice(7);
            const data = lines
              .filter((l) => l.startsWith('data: '))
              .map((l) => l.slice(6))
              .join('\n');
            if (!event) continue;
            const parsed = { event, data: data ? (JSON.parse(data) as unknown) : null };
            events.push(parsed);
            if (options.until?.(parsed, events)) {
              req.destroy();
              return finish();
            }
          }
        });
        res.on('end', finish);
        res.on('error', reject);
      },
    );
    req.on('error', (e) => (req.destroyed ? undefined : reject(e)));
    if (body) req.write(body);
    req.end();
  });
}
