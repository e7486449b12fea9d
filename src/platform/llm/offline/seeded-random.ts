import { createHash } from 'node:crypto';

export type Random = () => number;

/** A small fast PRNG (sfc32) seeded from a string: the same key always gives the same sequence. */
export function seededRandom(key: string): Random {
  const d = createHash('sha256').update(key).digest();
  let a = d.readUInt32LE(0);
  let b = d.readUInt32LE(4);
  let c = d.readUInt32LE(8);
  let n = d.readUInt32LE(12);
  return () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    n >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    n = (n + 1) | 0;
    t = (t + n) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

export function pickOne<T>(items: readonly T[], random: Random): T | undefined {
  return items.length ? items[Math.floor(random() * items.length)] : undefined;
}
