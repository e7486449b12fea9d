import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

const WARM_UP = '/__warm-up';

export interface RecordedRequest {
  method: string;
  /** Path and query, e.g. /v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse */
  url: string;
  headers: IncomingMessage['headers'];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- assertions read the JSON body freely
  body: any;
  /** Set when the client went away before the response was complete (an aborted SDK request). */
  aborted: boolean;
}

/** What the server does with one request. */
export type Behaviour = (res: ServerResponse, req: RecordedRequest) => Promise<void> | void;

/**
 * A local HTTP server standing in for a provider's API. Each request takes the next scripted behaviour;
 * when the script runs out, it answers 500 so an unexpected call shows up in the test.
 */
export class FakeLlmServer {
  readonly requests: RecordedRequest[] = [];
  private readonly script: Behaviour[] = [];
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<FakeLlmServer> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const self = new FakeLlmServer(server, `http://127.0.0.1:${port}`);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => void self.handle(req, res));
    server.on('connection', (socket: Socket) => {
      self.sockets.add(socket);
      socket.on('close', () => self.sockets.delete(socket));
    });
    return self;
  }

  /** Queues behaviours for the next requests, in order. */
  next(...behaviours: Behaviour[]): this {
    this.script.push(...behaviours);
    return this;
  }

  get pending(): number {
    return this.script.length;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Makes one plain request, so the first scripted call does not also pay for setting up the HTTP client. */
  async warmUp(): Promise<void> {
    await fetch(`${this.url}${WARM_UP}`);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.url === WARM_UP) {
      res.writeHead(204).end();
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const recorded: RecordedRequest = {
      method: req.method ?? '',
      url: req.url ?? '',
      headers: req.headers,
      body: raw ? JSON.parse(raw) : undefined,
      aborted: false,
    };
    res.on('close', () => {
      if (!res.writableFinished) recorded.aborted = true;
    });
    this.requests.push(recorded);
    const behaviour =
      this.script.shift() ??
      ((r: ServerResponse) => sendJson(r, 500, { error: { message: 'unscripted request' } }));
    try {
      await behaviour(res, recorded);
    } catch {
      // The client hung up mid-write; the test looks at `aborted`.
    }
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

export function startSse(res: ServerResponse): void {
  res.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
  });
  res.flushHeaders();
}

/** Resolves when the connection closes: the client aborted, or the server is shutting down. */
export function untilClosed(res: ServerResponse): Promise<void> {
  return new Promise<void>((resolve) => {
    if (res.destroyed) resolve();
    else res.on('close', () => resolve());
  });
}

/** Holds the request open without answering: a stall before the response headers. */
export const hang: Behaviour = (res) => untilClosed(res);

/** Writes raw SSE events with a pause between them. */
export async function writeEvents(res: ServerResponse, events: string[], gapMs = 5): Promise<void> {
  for (const event of events) {
    if (res.destroyed) return;
    res.write(event);
    await sleep(gapMs);
  }
}
