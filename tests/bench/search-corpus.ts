/**
 * Corpora for the search benchmark: the bundled sample help center, and a generated one of
 * any size built from it (Korean and English, realistic lengths, a growing vocabulary).
 *
 * Generation, seeded so every run sees the same data: each article takes a sample article
 * of the same locale as its model. The title is the model's title with one word swapped for
 * a generated word (uniformly drawn, so titles are distinct but read like help titles); the body
 * is sentences drawn from the model (half) and from other articles of its locale (half), each
 * word replaced by a generated word with probability 0.12. Generated words follow a Zipf-like
 * law over 60,000 Korean nouns (2–4 syllables from the 600 syllables the samples use most,
 * with a particle half the time) and 30,000 English words, so the vocabulary grows with the
 * corpus the way a real help center's does. Korean bodies are 400–1,600 characters, English
 * 800–3,000. 40% of topics come in 2–4 platform variants; 70% of articles are Korean.
 */
import { join } from 'node:path';
import { readContent } from '../../electron/core/feed/content';
import { htmlToText } from '../../electron/core/feed/html-text';
import type { IndexedArticle } from '../../electron/core/search/types';
import type { Platform } from '../../shared/platform';
import { prng } from '../support/prng';

export const REPO_ROOT = join(__dirname, '..', '..');

export function sampleArticles(): IndexedArticle[] {
  const { articles } = readContent(join(REPO_ROOT, 'resources', 'content'));
  return articles.map(({ bodyHtml, links: _links, ...rest }) => ({ ...rest, bodyText: htmlToText(bodyHtml) }));
}


const PARTICLES = ['을', '를', '이', '가', '은', '는', '에서', '으로', '의', '에', '도'];
const PLATFORM_SETS: Platform[][] = [
  ['android', 'ios'],
  ['windows', 'macos'],
  ['android', 'ios', 'windows', 'macos'],
  ['android', 'ios', 'windows'],
];

function sentencesOf(text: string): string[] {
  return text
    .split(/\n|(?<=[.?!])\s+/)
    .map((s) => s.trim())
    .filter((s) => s.length >= 8);
}

export function generateCorpus(size: number, seed = 20_000): IndexedArticle[] {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const samples = sampleArticles();
  const byLocale = { ko: samples.filter((a) => a.locale === 'ko'), en: samples.filter((a) => a.locale !== 'ko') };
  const sentences = { ko: byLocale.ko.flatMap((a) => sentencesOf(a.bodyText)), en: byLocale.en.flatMap((a) => sentencesOf(a.bodyText)) };

  // Syllables the samples use, most frequent first: generated words look like Korean.
  const syllableCounts = new Map<string, number>();
  for (const a of byLocale.ko) for (const ch of a.bodyText) if (ch >= '\uac00' && ch <= '\ud7a3') syllableCounts.set(ch, (syllableCounts.get(ch) ?? 0) + 1);
  const syllables = [...syllableCounts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 600).map(([s]) => s);
  const koWords = Array.from({ length: 60_000 }, () => Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(syllables)).join(''));
  const letters = 'etaoinshrdlcumwfgypbvk';
  const enWords = Array.from({ length: 30_000 }, () => Array.from({ length: 4 + Math.floor(random() * 7) }, () => letters[Math.floor(random() ** 1.5 * letters.length)]).join(''));
  // Zipf-like: index ~ n^(u^3) favours the head strongly and still reaches the tail.
  const zipf = <T>(list: readonly T[]): T => list[Math.min(list.length - 1, Math.floor(list.length ** random() ** 1.6) - 1)]!;
  const generatedWord = (locale: 'ko' | 'en'): string => (locale === 'ko' ? zipf(koWords) + (random() < 0.5 ? pick(PARTICLES) : '') : zipf(enWords));
  const services = Array.from({ length: 16 }, (_, i) => (i % 2 === 0 ? `톡${pick(koWords)}` : `Talk${pick(enWords)}`));

  const body = (model: IndexedArticle, locale: 'ko' | 'en'): string => {
    const own = sentencesOf(model.bodyText);
    const target = locale === 'ko' ? 400 + random() * 1200 : 800 + random() * 2200;
    const lines: string[] = [];
    let length = 0;
    while (length < target) {
      const sentence = random() < 0.5 && own.length > 0 ? pick(own) : pick(sentences[locale]);
      const line = sentence
        .split(' ')
        .map((w) => (random() < 0.12 ? generatedWord(locale) : w))
        .join(' ');
      lines.push(line);
      length += line.length + 1;
    }
    return lines.join('\n');
  };

  const out: IndexedArticle[] = [];
  let topic = 0;
  while (out.length < size) {
    const locale = random() < 0.7 ? 'ko' : 'en';
    const model = pick(byLocale[locale]);
    const words = model.title.split(' ');
    const swap = Math.floor(random() * words.length);
    // Uniform, not Zipf: a help center's titles are distinct, unlike its body text.
    words[swap] = locale === 'ko' ? pick(koWords) + (random() < 0.6 ? pick(PARTICLES) : '') : pick(enWords);
    const title = words.join(' ');
    const platforms: Platform[] = random() < 0.4 ? pick(PLATFORM_SETS) : [model.platform];
    const group = platforms.length > 1 ? `g${topic}` : null;
    const service = random() < 0.5 ? model.service : pick(services);
    const updated = new Date(Date.UTC(2023, 0, 1) + Math.floor(random() * 1000) * 86_400_000).toISOString().slice(0, 10);
    for (const platform of platforms) {
      if (out.length >= size) break;
      out.push({
        id: `gen-${topic}-${platform}`,
        title,
        service,
        category: model.category,
        platform,
        locale,
        group,
        tags: model.tags,
        updatedAt: updated,
        bodyText: body(model, locale),
      });
    }
    topic++;
  }
  return out;
}
