/** Short confirmations ("링크를 복사했습니다"), shown briefly and announced politely. */
import { create } from 'zustand';

export interface Toast {
  id: number;
  message: string;
}

interface ToastState {
  toasts: Toast[];
  show(message: string): void;
  dismiss(id: number): void;
}

const DURATION_MS = 3200;
let nextId = 1;

export const useToast = create<ToastState>((set, get) => ({
  toasts: [],
  show(message) {
    const id = nextId++;
    set({ toasts: [...get().toasts.slice(-2), { id, message }] });
    window.setTimeout(() => get().dismiss(id), DURATION_MS);
  },
  dismiss(id) {
    set({ toasts: get().toasts.filter((t) => t.id !== id) });
  },
}));
