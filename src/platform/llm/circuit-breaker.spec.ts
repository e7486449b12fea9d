import { CircuitBreaker } from './circuit-breaker';

describe('CircuitBreaker', () => {
  let clock: number;
  const breaker = () => new CircuitBreaker(3, 1000, () => clock);
  beforeEach(() => (clock = 0));

  it('stays closed below the threshold and resets the count on success', () => {
    const b = breaker();
    b.acquire()!.failure();
    b.acquire()!.failure();
    b.acquire()!.success();
    b.acquire()!.failure();
    b.acquire()!.failure();
    expect(b.state).toBe('closed');
    expect(b.acquire()).toBeDefined();
  });

  it('opens after consecutive failures and refuses attempts until the reset time', () => {
    const b = breaker();
    for (let i = 0; i < 3; i++) b.acquire()!.failure();
    expect(b.state).toBe('open');
    expect(b.acquire()).toBeUndefined();
    clock = 999;
    expect(b.acquire()).toBeUndefined();
  });

  it('lets a single probe through when half-open; a success closes it', () => {
    const b = breaker();
    for (let i = 0; i < 3; i++) b.acquire()!.failure();
    clock = 1000;
    expect(b.state).toBe('half-open');
    const probe = b.acquire();
    expect(probe).toBeDefined();
    expect(b.acquire()).toBeUndefined();
    probe!.success();
    expect(b.state).toBe('closed');
    expect(b.acquire()).toBeDefined();
  });

  it('reopens for a full period when the probe fails', () => {
    const b = breaker();
    for (let i = 0; i < 3; i++) b.acquire()!.failure();
    clock = 1500;
    b.acquire()!.failure();
    expect(b.state).toBe('open');
    clock = 2400;
    expect(b.acquire()).toBeUndefined();
    clock = 2500;
    expect(b.acquire()).toBeDefined();
  });

  it('frees the probe slot when the probe is released without a verdict', () => {
    const b = breaker();
    for (let i = 0; i < 3; i++) b.acquire()!.failure();
    clock = 1000;
    b.acquire()!.release();
    expect(b.state).toBe('half-open');
    expect(b.acquire()).toBeDefined();
  });

  it('ignores a second verdict on the same permit', () => {
    const b = breaker();
    const permit = b.acquire()!;
    permit.failure();
    permit.failure();
    permit.failure();
    expect(b.state).toBe('closed');
  });
});
