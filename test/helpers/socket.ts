import { io, type Socket } from 'socket.io-client';

/** Connects a real Socket.IO client to a namespace; resolves once connected, rejects with the connect_error. */
export function connectSocket(baseUrl: string, namespace: string, token?: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = io(`${baseUrl}${namespace}`, {
      auth: token === undefined ? {} : { token },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (e) => {
      socket.close();
      reject(e);
    });
  });
}

/** Emits an event and waits for its acknowledgement. */
export function emitAck<T = Record<string, unknown>>(
  socket: Socket,
  event: string,
  payload: unknown,
): Promise<T> {
  return socket.timeout(10000).emitWithAck(event, payload) as Promise<T>;
}

/** Records every event a socket receives, in order. */
export function recordEvents(socket: Socket): Array<{ event: string; data: unknown }> {
  const seen: Array<{ event: string; data: unknown }> = [];
  socket.onAny((event: string, data: unknown) => seen.push({ event, data }));
  return seen;
}
