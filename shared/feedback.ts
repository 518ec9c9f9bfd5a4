/**
 * "도움이 되었나요?" answers: what a "no" can say was missing, and the report that hands the
 * answers to the content team (`doum report feedback`, Settings' export). Answers stay on this
 * computer; nothing here sends them anywhere.
 */
import type { Platform } from './platform';

export const FEEDBACK_REASONS = ['not-what-i-needed', 'hard-to-follow', 'screen-differs', 'did-not-work', 'other'] as const;
export type FeedbackReason = (typeof FEEDBACK_REASONS)[number];

/** The longest note kept (characters). */
export const FEEDBACK_NOTE_MAX = 1000;

export function isFeedbackReason(value: unknown): value is FeedbackReason {
  return typeof value === 'string' && (FEEDBACK_REASONS as readonly string[]).includes(value);
}

/** What a "no" may add. */
export interface FeedbackDetails {
  reason?: FeedbackReason | null;
  note?: string | null;
}

export interface FeedbackReportEntry {
  articleId: string;
  /** The article's current title, or null when it is no longer in the help center. */
  title: string | null;
  locale: string | null;
  platform: Platform | null;
  helpful: boolean;
  reason: FeedbackReason | null;
  note: string | null;
  at: string;
}

export interface FeedbackReport {
  format: 'doum-feedback/1';
  generatedAt: string;
  helpful: number;
  notHelpful: number;
  /** Newest first. */
  entries: FeedbackReportEntry[];
}
