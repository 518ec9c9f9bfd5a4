/** Reading aids for the open article: the find bar (open or not, and its text). */
import { create } from 'zustand';

interface ReadingState {
  findOpen: boolean;
  findText: string;
  /** Grows each time the find bar is asked for, so an open bar takes the focus again. */
  findRequests: number;
  openFind(): void;
  closeFind(): void;
  setFindText(text: string): void;
}

export const useReading = create<ReadingState>((set, get) => ({
  findOpen: false,
  findText: '',
  findRequests: 0,
  openFind() {
    set({ findOpen: true, findRequests: get().findRequests + 1 });
  },
  closeFind() {
    set({ findOpen: false });
  },
  setFindText(text) {
    set({ findText: text });
  },
}));
