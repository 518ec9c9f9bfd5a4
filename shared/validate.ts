/**
 * A small runtime validator for data that crosses a boundary (IPC arguments, HTTP bodies,
 * settings, feed records). Each check returns the typed value or throws a ValidationError
 * naming the offending path, so callers can report exactly what was wrong.
 */

export class ValidationError extends Error {
  constructor(
    readonly path: string,
    readonly expected: string,
    readonly received: unknown,
  ) {
    super(`${path || 'value'}: expected ${expected}, got ${describe(received)}`);
    this.name = 'ValidationError';
  }
}

export type Check<T> = (value: unknown, path?: string) => T;
export type Checked<C> = C extends Check<infer T> ? T : never;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return JSON.stringify(shown);
  }
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

interface StringRules {
  /**
   * Removes control characters before the other rules: 'line' (one-line text: every C0/C1
   * control, DEL and bidirectional override; tabs and line breaks become spaces), 'html'
   * (bodies: keeps only tab, line feed and carriage return, which HTML needs).
   */
  clean?: 'line' | 'html';
  min?: number;
  max?: number;
  pattern?: RegExp;
  /** What the pattern means, for the error message. */
  patternName?: string;
}

const LINE_BREAKS = /[\t\n\r]+/g;
/**
 * Characters a terminal or a page may act on instead of showing: C0 and C1 controls (tab and
 * line feed aside), DEL, and the bidirectional overrides that reorder text. The CLI escapes
 * them in what it prints (electron/cli/usage.ts).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const HTML_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** Text without the control characters a terminal or a page could act on (see StringRules.clean). */
export function cleanText(text: string, kind: 'line' | 'html'): string {
  return kind === 'line' ? text.replace(LINE_BREAKS, ' ').replace(UNPRINTABLE, '') : text.replace(HTML_CONTROLS, '');
}

export function string(rules: StringRules = {}): Check<string> {
  return (input, path = '') => {
    if (typeof input !== 'string') throw new ValidationError(path, 'a string', input);
    const value = rules.clean ? cleanText(input, rules.clean) : input;
    if (rules.min !== undefined && value.length < rules.min) {
      throw new ValidationError(path, `at least ${rules.min} characters`, value);
    }
    if (rules.max !== undefined && value.length > rules.max) {
      throw new ValidationError(path, `at most ${rules.max} characters`, value);
    }
    if (rules.pattern && !rules.pattern.test(value)) {
      throw new ValidationError(path, rules.patternName ?? `text matching ${rules.pattern}`, value);
    }
    return value;
  };
}

export function number(rules: { min?: number; max?: number; integer?: boolean } = {}): Check<number> {
  return (value, path = '') => {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new ValidationError(path, 'a finite number', value);
    }
    if (rules.integer && !Number.isInteger(value)) throw new ValidationError(path, 'an integer', value);
    if (rules.min !== undefined && value < rules.min) throw new ValidationError(path, `≥ ${rules.min}`, value);
    if (rules.max !== undefined && value > rules.max) throw new ValidationError(path, `≤ ${rules.max}`, value);
    return value;
  };
}

export const boolean: Check<boolean> = (value, path = '') => {
  if (typeof value !== 'boolean') throw new ValidationError(path, 'true or false', value);
  return value;
};

export function oneOf<const T extends string>(values: readonly T[]): Check<T> {
  return (value, path = '') => {
    if (typeof value !== 'string' || !(values as readonly string[]).includes(value)) {
      throw new ValidationError(path, `one of ${values.join(', ')}`, value);
    }
    return value as T;
  };
}

export function optional<T>(check: Check<T>): Check<T | undefined> {
  return (value, path) => (value === undefined ? undefined : check(value, path));
}

export function nullable<T>(check: Check<T>): Check<T | null> {
  return (value, path) => (value === null ? null : check(value, path));
}

export function array<T>(check: Check<T>, rules: { max?: number } = {}): Check<T[]> {
  return (value, path = '') => {
    if (!Array.isArray(value)) throw new ValidationError(path, 'an array', value);
    if (rules.max !== undefined && value.length > rules.max) {
      throw new ValidationError(path, `at most ${rules.max} items`, value);
    }
    return value.map((item, i) => check(item, `${path}[${i}]`));
  };
}

type Shape = Record<string, Check<unknown>>;
type ShapeValue<S extends Shape> = {
  [K in keyof S as undefined extends Checked<S[K]> ? never : K]: Checked<S[K]>;
} & {
  [K in keyof S as undefined extends Checked<S[K]> ? K : never]?: Checked<S[K]>;
};

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Keys that reach an object's prototype when copied: refused wherever they appear. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * An object with exactly these keys (unknown keys are rejected, so a typo in a settings
 * patch or a feed record is reported rather than silently ignored).
 */
export function object<S extends Shape>(shape: S, options: { allowUnknown?: boolean } = {}): Check<ShapeValue<S>> {
  return (value, path = '') => {
    if (!isPlainObject(value)) throw new ValidationError(path, 'an object', value);
    for (const key of Object.keys(value)) {
      if (PROTOTYPE_KEYS.has(key)) throw new ValidationError(join(path, key), 'no field of this name (it would reach the object prototype)', value[key]);
    }
    if (!options.allowUnknown) {
      for (const key of Object.keys(value)) {
        if (!(key in shape)) throw new ValidationError(join(path, key), 'no such field', value[key]);
      }
    }
    const out: Record<string, unknown> = {};
    for (const [key, check] of Object.entries(shape)) {
      const checked = check(value[key], join(path, key));
      if (checked !== undefined) out[key] = checked;
    }
    return out as ShapeValue<S>;
  };
}

/** Like `object`, but every field is optional (for patches). */
export function partial<S extends Shape>(shape: S): Check<Partial<{ [K in keyof S]: Checked<S[K]> }>> {
  const optionalShape: Shape = {};
  for (const [key, check] of Object.entries(shape)) optionalShape[key] = optional(check);
  return object(optionalShape) as Check<Partial<{ [K in keyof S]: Checked<S[K]> }>>;
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}
