/**
 * Reading aids for the open article: the find bar (open or not, its text) and the jump that
 * opening a search result asks for (the words the result matched, to scroll to and flash).
 */
import { create } from 'zustand';
import type { Snippet } from '../../../shared/types';

/** The distinct words a search highlighted in a snippet: text as it stands in the article. */
export function matchedWords(snippet: Snippet): string[] {
  const words = snippet.ranges.map(([start, end]) => snippet.text.slice(start, end).trim()).filter((word) => word !== '');
  return [...new Set(words)];
}

export interface JumpRequest {
  /** The article ids the jump applies to (a topic's variants share the matched words). */
  ids: readonly string[];
  /** Words exactly as they appear in the article's text (the search's highlighted ranges). */
  words: readonly string[];
}

interface ReadingState {
  findOpen: boolean;
  findText: string;
  /** Grows each time the find bar is asked for, so an open bar takes the focus again. */
  findRequests: number;
  jump: JumpRequest | null;
  openFind(): void;
  closeFind(): void;
  setFindText(text: string): void;
  requestJump(jump: JumpRequest | null): void;
  /** The jump asked for this article, once; any other article drops it. */
  takeJump(id: string): readonly string[] | null;
}

export const useReading = create<ReadingState>((set, get) => ({
  findOpen: false,
  findText: '',
  findRequests: 0,
  jump: null,
  openFind() {
    set({ findOpen: true, findRequests: get().findRequests + 1 });
  },
  closeFind() {
    set({ findOpen: false });
  },
  setFindText(text) {
    set({ findText: text });
  },
  requestJump(jump) {
    set({ jump });
  },
  takeJump(id) {
    const { jump } = get();
    if (!jump) return null;
    set({ jump: null });
    return jump.ids.includes(id) ? jump.words : null;
  },
}));
