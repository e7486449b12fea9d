import { deterministicJobId } from './job-id';

describe('deterministicJobId', () => {
  it('gives the same UUID for the same parts and another for different parts', () => {
    const a = deterministicJobId('owner-1', 'input-hash');
    expect(a).toBe(deterministicJobId('owner-1', 'input-hash'));
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(deterministicJobId('owner-1', 'other')).not.toBe(a);
  });

  it('does not confuse parts that concatenate alike', () => {
    expect(deterministicJobId('ab', 'c')).not.toBe(deterministicJobId('a', 'bc'));
  });
});
