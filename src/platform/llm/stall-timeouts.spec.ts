import { setTimeout as sleep } from 'node:timers/promises';
import { ProviderFailure } from './provider-failure';
import { withStallTimeouts } from './stall-timeouts';

async function* paced(parts: Array<[string, number]>, signal: AbortSignal): AsyncGenerator<string> {
  for (const [text, wait] of parts) {
    await sleep(wait, undefined, { signal });
    yield text;
  }
}

async function collect(source: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const chunk of source) out.push(chunk);
  return out;
}

describe('withStallTimeouts', () => {
  it('passes a healthy stream through unchanged', async () => {
    const controller = new AbortController();
    const source = paced(
      [
        ['a', 1],
        ['b', 1],
        ['c', 1],
      ],
      controller.signal,
    );
    await expect(
      collect(withStallTimeouts(source, { firstTokenMs: 500, idleMs: 500 }, () => controller.abort())),
    ).resolves.toEqual(['a', 'b', 'c']);
    expect(controller.signal.aborted).toBe(false);
  });

  it('fails and aborts when the first chunk does not come in time', async () => {
    const controller = new AbortController();
    const source = paced([['late', 5000]], controller.signal);
    const run = collect(
      withStallTimeouts(source, { firstTokenMs: 50, idleMs: 5000 }, () => controller.abort()),
    );
    await expect(run).rejects.toThrow(/no first token/);
    await expect(run).rejects.toBeInstanceOf(ProviderFailure);
    expect(controller.signal.aborted).toBe(true);
  });

  it('fails after the chunks already delivered when the stream goes idle', async () => {
    const controller = new AbortController();
    const seen: string[] = [];
    const source = paced(
      [
        ['one', 1],
        ['two', 5000],
      ],
      controller.signal,
    );
    await expect(
      (async () => {
        for await (const chunk of withStallTimeouts(source, { firstTokenMs: 5000, idleMs: 50 }, () =>
          controller.abort(),
        ))
          seen.push(chunk);
      })(),
    ).rejects.toMatchObject({ kind: 'timeout' });
    expect(seen).toEqual(['one']);
    expect(controller.signal.aborted).toBe(true);
  });
});
