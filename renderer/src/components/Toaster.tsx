/** Brief confirmations at the bottom of the window, announced politely. */
import { useToast } from '../state/toast';

export function Toaster() {
  const toasts = useToast((s) => s.toasts);
  return (
    <div className="toaster" role="status" aria-live="polite">
      {toasts.map((toast) => (
        <p key={toast.id} className="toast">
          {toast.message}
        </p>
      ))}
    </div>
  );
}
