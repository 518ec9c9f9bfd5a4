/** Error values as text, and the HelpApi error code when there is one. */
import { HelpApiError, type ApiErrorCode } from '../../../shared/errors';

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function errorCode(error: unknown): ApiErrorCode | null {
  return error instanceof HelpApiError ? error.code : null;
}
