import { OfflineProvider } from './offline.provider';
import type { ProviderCall } from '../providers/llm-provider';

const call = (signal: AbortSignal): ProviderCall => ({
  request: { mode: 'chat', locale: 'en', seed: 's', messages: [] },
  model: 'coach',
  messages: [{ role: 'user', content: 'Hi! How was your weekend?' }],
  signal,
});

describe('OfflineProvider', () => {
  it('streams the reply in chunks that add up to the complete answer', async () => {
    const provider = new OfflineProvider(0);
    const chunks: string[] = [];
    for await (const chunk of provider.stream(call(new AbortController().signal))) chunks.push(chunk);
    expect(chunks.length).toBeGreaterThan(3);
    await expect(provider.complete(call(new AbortController().signal))).resolves.toBe(chunks.join(''));
  });

  it('stops when the signal aborts between chunks', async () => {
    const provider = new OfflineProvider(20);
    const controller = new AbortController();
    const chunks: string[] = [];
    await expect(
      (async () => {
        for await (const chunk of provider.stream(call(controller.signal))) {
          chunks.push(chunk);
          if (chunks.length === 2) controller.abort();
        }
      })(),
    ).rejects.toMatchObject({ kind: 'aborted' });
    expect(chunks).toHaveLength(2);
  });
});
