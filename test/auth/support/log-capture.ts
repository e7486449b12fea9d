import fs from 'node:fs';

type WriteCallback = (err: NodeJS.ErrnoException | null, written: number) => void;

/**
 * Captures what the process writes to stdout and stderr (pino writes to the file descriptors directly),
 * instead of printing it. stop() restores the real writers.
 */
export function captureOutput(): { text: () => string; stop: () => void } {
  const chunks: string[] = [];
  const isOutput = (fd: unknown) => fd === 1 || fd === 2;
  const asText = (data: unknown) =>
    typeof data === 'string' ? data : Buffer.from(data as Uint8Array).toString('utf8');
  const size = (data: unknown) =>
    typeof data === 'string' ? Buffer.byteLength(data) : (data as Uint8Array).byteLength;

  const realWriteSync = fs.writeSync.bind(fs) as (...args: unknown[]) => number;
  const realWrite = fs.write.bind(fs) as (...args: unknown[]) => void;
  const writeSync = jest
    .spyOn(fs, 'writeSync')
    .mockImplementation((fd: unknown, data: unknown, ...rest: unknown[]) => {
      if (!isOutput(fd)) return realWriteSync(fd, data, ...rest);
      chunks.push(asText(data));
      return size(data);
    });
  const write = jest
    .spyOn(fs, 'write')
    .mockImplementation((fd: unknown, data: unknown, ...rest: unknown[]) => {
      if (!isOutput(fd)) return realWrite(fd, data, ...rest);
      chunks.push(asText(data));
      const callback = rest.find((r) => typeof r === 'function') as WriteCallback | undefined;
      if (callback) process.nextTick(() => callback(null, size(data)));
    });
  const stdout = jest
    .spyOn(process.stdout, 'write')
    .mockImplementation((data: unknown) => chunks.push(asText(data)) > 0);
  const stderr = jest
    .spyOn(process.stderr, 'write')
    .mockImplementation((data: unknown) => chunks.push(asText(data)) > 0);

  return {
    text: () => chunks.join(''),
    stop: () => [writeSync, write, stdout, stderr].forEach((spy) => spy.mockRestore()),
  };
}
