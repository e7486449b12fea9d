import { ChunkQueue } from './chunk-queue';

async function drain(queue: ChunkQueue): Promise<string[]> {
  const out: string[] = [];
  for await (const chunk of queue) out.push(chunk);
  return out;
}

describe('ChunkQueue', () => {
  it('delivers chunks pushed before and after the consumer starts, then ends', async () => {
    const queue = new ChunkQueue();
    queue.push('a');
    const reading = drain(queue);
    queue.push('b');
    await Promise.resolve();
    queue.push('c');
    queue.end();
    await expect(reading).resolves.toEqual(['a', 'b', 'c']);
  });

  it('delivers the buffered chunks before the failure', async () => {
    const queue = new ChunkQueue();
    const seen: string[] = [];
    queue.push('x');
    queue.fail(new Error('boom'));
    await expect(
      (async () => {
        for await (const chunk of queue) seen.push(chunk);
      })(),
    ).rejects.toThrow('boom');
    expect(seen).toEqual(['x']);
  });

  it('refuses a second consumer', async () => {
    const queue = new ChunkQueue();
    queue.end();
    await drain(queue);
    await expect(drain(queue)).rejects.toThrow(/only once/);
  });
});
