/**
 * The one way an error shows: a sentence in the UI language (lib/errors.ts `describeError`,
 * chosen by the error's reason) with the technical detail only behind "자세히". Every view and
 * form that shows an error uses it.
 */
import type { ReactNode } from 'react';
import type { MessageKey } from '../i18n';
import { useT } from '../i18n/use-translation';
import { describeError } from '../lib/errors';
import { ErrorDetail } from './ErrorDetail';
import { Icon } from './Icon';

interface ErrorNoticeProps {
  error: unknown;
  /** The view's own sentence, for an error without a reason (e.g. "검색하지 못했습니다"). */
  fallback?: MessageKey;
  /**
   * 'notice': a boxed alert with a warning icon (views); 'inline': the sentence as a paragraph
   * and the disclosure, inside the caller's own frame (form fields, empty states).
   */
  variant?: 'notice' | 'inline';
  /** A heading line above the sentence (notice only). */
  title?: ReactNode;
  /** Lines under the sentence (notice only), e.g. "지금 도움말은 그대로입니다". */
  children?: ReactNode;
  /** For the inline sentence: its id (aria-describedby of a field) and class. */
  id?: string;
  className?: string;
  /** The inline sentence is an alert unless the caller's frame already is one. */
  alert?: boolean;
}

export function ErrorNotice({ error, fallback, variant = 'notice', title, children, id, className, alert = true }: ErrorNoticeProps) {
  const t = useT();
  const { message, detail } = describeError(error, t, fallback);
  if (variant === 'inline') {
    return (
      <>
        <p id={id} className={className} role={alert ? 'alert' : undefined}>
          {message}
        </p>
        <ErrorDetail detail={detail} />
      </>
    );
  }
  return (
    <div className="notice notice-error" role="alert">
      <Icon name="warning" />
      <div>
        {title && <p className="notice-title">{title}</p>}
        <p>{message}</p>
        {children}
        <ErrorDetail detail={detail} />
      </div>
    </div>
  );
}
