import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsString, Length, ValidateBy, type ValidationOptions } from 'class-validator';
import { isValidSlug, normalizeSlug, SLUG_MAX_LENGTH } from '../domain/slug';

/** Limits of user-written scenario text; the built-in library and imports stay well inside them. */
export const LIMITS = {
  slug: SLUG_MAX_LENGTH,
  title: 200,
  description: 2000,
  tag: 40,
  category: 50,
  tags: 10,
  role: 100,
  name: 50,
  characterText: 1000,
  situation: 2000,
  point: 300,
  points: 5,
  query: 100,
} as const;

/** Trims strings (and strings in arrays) so that blank text fails the length rules. */
export const Trim = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => {
    if (typeof value === 'string') return value.trim();
    if (Array.isArray(value)) return value.map((v: unknown) => (typeof v === 'string' ? v.trim() : v));
    return value;
  });

/** A trimmed text field of `min` to `max` characters. */
export const Text = (min: number, max: number): PropertyDecorator =>
  applyDecorators(Trim(), IsString(), Length(min, max));

export const NormalizeSlug = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? normalizeSlug(value) : value));

export const IsSlug = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isSlug',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isValidSlug(value),
        defaultMessage: () =>
          `slug must be lower-case words (letters of any script, digits) joined by single hyphens, at most ${SLUG_MAX_LENGTH} characters, and not a UUID`,
      },
    },
    options,
  );
