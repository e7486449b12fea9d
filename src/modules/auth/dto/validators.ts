import { Transform } from 'class-transformer';
import { registerDecorator, ValidationOptions } from 'class-validator';

export const USERNAME_PATTERN = /^[A-Za-z0-9_-]{3,30}$/;
export const USERNAME_MESSAGE = 'username must be 3 to 30 characters: letters, digits, _ or -';
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
export const PASSWORD_MESSAGE =
  'password must be 8 to 128 characters with a lower-case letter, an upper-case letter, a digit and a symbol';
export const MAX_PREFERENCES = 10;
export const MAX_PREFERENCE_KEY = 50;
export const MAX_PREFERENCE_VALUE = 200;

/** What a password lacks, in words; never the password itself. */
export function passwordProblems(value: unknown): string[] {
  if (typeof value !== 'string') return ['a string'];
  const problems: string[] = [];
  const length = [...value].length;
  if (length < PASSWORD_MIN || length > PASSWORD_MAX)
    problems.push(`${PASSWORD_MIN} to ${PASSWORD_MAX} characters`);
  if (!/\p{Ll}/u.test(value)) problems.push('a lower-case letter');
  if (!/\p{Lu}/u.test(value)) problems.push('an upper-case letter');
  if (!/\p{Nd}/u.test(value)) problems.push('a digit');
  if (!/[^\p{L}\p{N}\s]/u.test(value)) problems.push('a symbol');
  return problems;
}

/** The password rules of the API contract. The message names the rules, never the value. */
export function IsPassword(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isPassword',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: PASSWORD_MESSAGE, ...options },
      validator: { validate: (value: unknown) => passwordProblems(value).length === 0 },
    });
}

/** At most 10 string keys with string values of at most 200 characters. */
export function isPreferences(value: unknown): value is Record<string, string> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const entries = Object.entries(value);
  return (
    entries.length <= MAX_PREFERENCES &&
    entries.every(
      ([k, v]) =>
        k.length >= 1 &&
        k.length <= MAX_PREFERENCE_KEY &&
        typeof v === 'string' &&
        v.length <= MAX_PREFERENCE_VALUE,
    )
  );
}

export function IsPreferences(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isPreferences',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: `preferences must be an object of at most ${MAX_PREFERENCES} keys (1 to ${MAX_PREFERENCE_KEY} characters) with string values of at most ${MAX_PREFERENCE_VALUE} characters`,
        ...options,
      },
      validator: { validate: isPreferences },
    });
}

/** Emails are compared and stored trimmed and lower-case. */
export const NormalizeEmail = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toLowerCase() : value,
  );

export const Trim = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
