// A list table's box: a caption for screen readers, and a rule for what scrolls when the table
// is wider than a phone, so the table does not widen its page.
import type { ReactNode } from 'react';

const SCROLL = {
  // The table scrolls sideways inside its box; the page keeps the phone's width.
  box: 'overflow-x-auto',
  // The page scrolls, not the box, so a sticky header stays in view down a long list; clip keeps
  // a rounded border without making a scroll container. Its cells must wrap to fit.
  page: 'overflow-clip',
} as const;

export function TableBox({
  caption,
  scroll = 'box',
  className = '',
  tableClassName = 'text-xs',
  children,
}: {
  caption: string;
  scroll?: keyof typeof SCROLL;
  /** The box's own look (border, background); responsive overrides of the scroll rule too. */
  className?: string;
  tableClassName?: string;
  /** thead and tbody. */
  children: ReactNode;
}) {
  return (
    <div className={`${SCROLL[scroll]} ${className}`}>
      <table className={`w-full border-collapse text-left ${tableClassName}`}>
        <caption className="sr-only">{caption}</caption>
        {children}
      </table>
    </div>
  );
}
