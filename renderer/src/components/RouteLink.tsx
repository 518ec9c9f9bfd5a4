/** A link to an app route: a real href (copyable, announced as a link) that navigates in-app. */
import type { ComponentPropsWithoutRef } from 'react';
import { routeToHash, useRouter, type Route } from '../state/router';

type Props = Omit<ComponentPropsWithoutRef<'a'>, 'href'> & { to: Route; onNavigate?: () => void };

export function RouteLink({ to, onNavigate, onClick, ...rest }: Props) {
  const navigate = useRouter((s) => s.navigate);
  return (
    <a
      {...rest}
      href={routeToHash(to)}
      onClick={(event) => {
        onClick?.(event);
        if (event.defaultPrevented) return;
        event.preventDefault();
        onNavigate?.();
        navigate(to);
      }}
    />
  );
}
