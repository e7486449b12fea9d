import { extractJson, JsonAnswers } from './json-answer';

const schema = {
  type: 'object',
  required: ['score', 'tips'],
  properties: {
    score: { type: 'integer', minimum: 0, maximum: 100 },
    tips: { type: 'array', items: { type: 'string' }, minItems: 1 },
  },
  additionalProperties: false,
};

describe('JsonAnswers', () => {
  const answers = new JsonAnswers();

  it('accepts a valid answer wrapped in a code fence and prose', () => {
    const text = 'Here you go:\n```json\n{"score": 80, "tips": ["Ask one more question"]}\n```\nGood luck!';
    expect(answers.parse(schema, text)).toEqual({
      ok: true,
      value: { score: 80, tips: ['Ask one more question'] },
    });
  });

  it('names each schema violation', () => {
    const result = answers.parse(schema, '{"score": 120, "extra": true}');
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems.join('\n');
    expect(problems).toMatch(/tips/);
    expect(problems).toMatch(/\/score must be <= 100/);
    expect(problems).toMatch(/additional properties/);
  });

  it('reports text that is not JSON', () => {
    expect(answers.parse(schema, 'I cannot do that.')).toEqual({
      ok: false,
      problems: ['the answer contains no JSON value'],
    });
    const broken = answers.parse(schema, '{"score": 80, "tips": [');
    expect(broken.ok).toBe(false);
  });

  it('extracts arrays and objects', () => {
    expect(extractJson('[1,2]')).toBe('[1,2]');
    expect(extractJson('x {"a":{"b":1}} y')).toBe('{"a":{"b":1}}');
  });
});
