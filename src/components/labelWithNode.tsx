import { Fragment, type ReactNode } from 'react';

const MARK = '\u0000';

/**
 * @internal Renders a label function with a React node (a ticking clock) where its argument goes:
 * `labelWithNode(labels.interruptedFor, <ElapsedTime startedAt={at} />)`.
 */
export function labelWithNode(label: (value: string) => string, node: ReactNode): ReactNode {
  const parts = label(MARK).split(MARK);
  return parts.map((part, index) => (
    <Fragment key={index}>
      {part}
      {index < parts.length - 1 ? node : null}
    </Fragment>
  ));
}
