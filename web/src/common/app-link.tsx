import type { ComponentChildren } from 'preact';
import { navigate } from '../app/router';

/**
 * A link to a page of the app, followed without reloading it (a click that asks for a new tab or
 * window is the browser's); the page's content then takes the focus, as the menu's links do.
 */
export function AppLink({ href, class: className, children }: { href: string; class?: string; children: ComponentChildren }) {
  const follow = (event: MouseEvent) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
    document.getElementById('main')?.focus();
  };
  return (
    <a href={href} class={className} onClick={follow}>
      {children}
    </a>
  );
}
