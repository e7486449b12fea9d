import { setTimeout as sleep } from 'node:timers/promises';
import { ProviderFailure } from '../provider-failure';
import type { LlmProvider, ProviderCall } from '../providers/llm-provider';
import { chunksOf } from './chunker';
import { offlineReply } from './offline-model';

/** The built-in provider: no network, no key; streams the offline model's reply with a small pause between chunks. */
export class OfflineProvider implements LlmProvider {
  readonly name = 'offline' as const;
  readonly remote = false;

  constructor(private readonly delayMs: number) {}

  configured(): boolean {
    return true;
  }

  async *stream(call: ProviderCall): AsyncGenerator<string> {
    const text = offlineReply({ ...call.request, messages: call.messages });
    for (const [index, chunk] of chunksOf(text, call.request.locale).entries()) {
      if (index > 0 && this.delayMs > 0) await this.pause(call.signal);
      if (call.signal.aborted) throw new ProviderFailure('aborted', 'offline reply cancelled');
      yield chunk;
    }
  }

  async complete(call: ProviderCall): Promise<string> {
    if (call.signal.aborted) throw new ProviderFailure('aborted', 'offline reply cancelled');
    return offlineReply({ ...call.request, messages: call.messages });
  }

  private async pause(signal: AbortSignal): Promise<void> {
    try {
      await sleep(this.delayMs, undefined, { signal });
    } catch {
      throw new ProviderFailure('aborted', 'offline reply cancelled');
    }
  }
}
