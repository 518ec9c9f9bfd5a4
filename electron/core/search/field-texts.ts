/**
 * What the index reads of an article: the text of each field. Category and service names are
 * searchable, with the weight of tags.
 *
 * For the trip to an index worker the texts are packed into one string and their lengths:
 * a long string is copied in one go, where 20,000 small objects were cloned one by one (half
 * a second of a build spent before any worker started).
 */
import { FIELDS, type Field } from './analyzer';
import type { IndexedArticle } from './types';

export type FieldTexts = Record<Field, string>;

export function fieldTexts(article: Pick<IndexedArticle, 'title' | 'tags' | 'category' | 'service' | 'bodyText'>): FieldTexts {
  return {
    title: article.title,
    tags: [...article.tags, article.category.replace(/\//g, ' '), article.service].join(' \n '),
    body: article.bodyText,
  };
}

export interface PackedTexts {
  /** Every field of every article, one after another. */
  text: string;
  /** The length of each, in the same order (three per article). */
  lengths: Uint32Array;
}

export function packTexts(texts: readonly FieldTexts[]): PackedTexts {
  const lengths = new Uint32Array(texts.length * FIELDS.length);
  const pieces: string[] = [];
  texts.forEach((fields, i) =>
    FIELDS.forEach((field, k) => {
      pieces.push(fields[field]);
      lengths[i * FIELDS.length + k] = fields[field].length;
    }),
  );
  return { text: pieces.join(''), lengths };
}

export function unpackTexts({ text, lengths }: PackedTexts): FieldTexts[] {
  const texts: FieldTexts[] = [];
  let at = 0;
  const next = (i: number): string => text.slice(at, (at += lengths[i]!));
  for (let i = 0; i < lengths.length; i += FIELDS.length) texts.push({ title: next(i), tags: next(i + 1), body: next(i + 2) });
  return texts;
}
