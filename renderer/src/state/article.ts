/**
 * The reader's feedback on the open article, as UI state: why the last answer could not be
 * stored. The article itself and the stored feedback are data (./data.ts: articleData,
 * feedbackData).
 */
import { create } from 'zustand';
import type { FeedbackDetails } from '../../../shared/feedback';
import { saveFeedback } from './data';

interface ArticleState {
  /** The article the error is about (another article starts afresh). */
  feedbackFor: string | null;
  feedbackError: unknown;
  /** Resolves true when the answer was stored. */
  setFeedback(id: string, helpful: boolean, details?: FeedbackDetails): Promise<boolean>;
}

export const useArticle = create<ArticleState>((set) => ({
  feedbackFor: null,
  feedbackError: null,
  async setFeedback(id, helpful, details) {
    try {
      await saveFeedback(id, helpful, details);
      set({ feedbackFor: id, feedbackError: null });
      return true;
    } catch (error) {
      set({ feedbackFor: id, feedbackError: error });
      return false;
    }
  },
}));

/** The feedback error for this article, if the last answer about it failed. */
export const feedbackErrorFor =
  (id: string) =>
  (s: ArticleState): unknown =>
    s.feedbackFor === id ? s.feedbackError : null;
