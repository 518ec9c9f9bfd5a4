/**
 * Text typed with the wrong keyboard layout. Korean keyboards are 2-beolsik (두벌식): the
 * Latin keys t l s r h with the IME off give "tlsrh" for 신고, and an English word typed with
 * it on comes out as jamo (windows → ㅈㅑㅜㅇㅐㅈㄴ, or composed as 쟈ㅜ앶ㄴ).
 *
 * This module only proposes the other reading of a word, when one is plausible; the query
 * builder keeps whichever reading the index knows better (see `evidence`), so correct
 * English or Korean is never "corrected".
 */
import { hangulToKeys, isJamo, isSyllable, keysToHangul } from '../../../shared/hangul';
import type { Token } from './tokenizer';

const LATIN_KEYS = /^[A-Za-z]+$/;

/**
 * A Latin word read as 2-beolsik keys is plausible Korean when it composes into whole
 * syllables, allowing one unfinished jamo at the end (the word may still be being typed).
 */
function plausibleHangul(text: string): boolean {
  let syllables = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (isSyllable(char)) syllables++;
    else if (!(isJamo(char) && i === text.length - 1)) return false;
  }
  return syllables > 0;
}

/** The word as it reads in the other layout, or null when that reading is implausible. */
export function readInOtherLayout(token: Token): string | null {
  // One or two keystrokes carry too little to tell layouts apart (a, ㅁ, 이).
  if (token.raw.length < 2) return null;
  if (token.kind === 'latin' && LATIN_KEYS.test(token.raw) && token.raw.length >= 3) {
    const hangul = keysToHangul(token.raw);
    return plausibleHangul(hangul) ? hangul : null;
  }
  if (token.kind === 'hangul' || token.kind === 'jamo') {
    const keys = hangulToKeys(token.raw).toLowerCase();
    return LATIN_KEYS.test(keys) && keys.length >= 2 ? keys : null;
  }
  return null;
}
