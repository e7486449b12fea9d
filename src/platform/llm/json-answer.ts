import Ajv, { type ValidateFunction } from 'ajv';
import type { LlmMessage } from './llm.types';

export type JsonCheck<T> = { ok: true; value: T } | { ok: false; problems: string[] };

/** Validates model answers against JSON Schemas; compiled validators are kept per schema object. */
export class JsonAnswers {
  private readonly ajv = new Ajv({ allErrors: true, strict: false });
  private readonly compiled = new WeakMap<object, ValidateFunction>();

  check<T>(schema: object, value: unknown): JsonCheck<T> {
    const validate = this.validator(schema);
    if (validate(value)) return { ok: true, value: value as T };
    const problems = (validate.errors ?? []).map(
      (e) => `${e.instancePath || '(root)'} ${e.message ?? 'is invalid'}`,
    );
    return { ok: false, problems: problems.slice(0, 10) };
  }

  /** Parses a model's text (tolerating code fences and prose around the JSON) and validates it. */
  parse<T>(schema: object, text: string): JsonCheck<T> {
    const json = extractJson(text);
    if (json === undefined) return { ok: false, problems: ['the answer contains no JSON value'] };
    try {
      return this.check<T>(schema, JSON.parse(json));
    } catch (e) {
      return { ok: false, problems: [`the answer is not valid JSON: ${(e as Error).message}`] };
    }
  }

  private validator(schema: object): ValidateFunction {
    let validate = this.compiled.get(schema);
    if (!validate) {
      validate = this.ajv.compile(schema);
      this.compiled.set(schema, validate);
    }
    return validate;
  }
}

/** The JSON part of an answer: the body of a code fence if there is one, else from the first { or [ to the last } or ]. */
export function extractJson(text: string): string | undefined {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/i.exec(text);
  const body = (fenced ? fenced[1] : text).trim();
  const start = body.search(/[[{]/);
  if (start < 0) return undefined;
  const end = Math.max(body.lastIndexOf('}'), body.lastIndexOf(']'));
  return end > start ? body.slice(start, end + 1) : undefined;
}

/** The system message that asks for JSON. */
export function jsonInstruction(name: string, schema: object): LlmMessage {
  return {
    role: 'system',
    content:
      `Answer with a single JSON value named "${name}" and nothing else: no prose, no code fences. ` +
      `It must be valid against this JSON Schema:\n${JSON.stringify(schema)}`,
  };
}

/** The turns that send an invalid answer back with what is wrong with it. */
export function repairTurns(answer: string, problems: string[]): LlmMessage[] {
  return [
    { role: 'assistant', content: answer },
    {
      role: 'user',
      content:
        `That answer does not satisfy the JSON Schema:\n- ${problems.join('\n- ')}\n` +
        'Reply again with only the corrected JSON value.',
    },
  ];
}
