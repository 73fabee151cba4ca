import { useId, type ReactElement, type ReactNode } from 'react';
import './playground.css';

/** One simulator switch: its button label and what it does. */
export type FaultAction = readonly [label: string, run: () => void];

/**
 * The playgrounds' panel of simulator switches: a titled section of buttons, then a note that says
 * what each does (and which states do not apply to the provider).
 */
export function FaultPanel({ title, actions, children }: { readonly title: string; readonly actions: readonly FaultAction[]; readonly children?: ReactNode }): ReactElement {
  const titleId = useId();
  return (
    <section className="pg-panel" aria-labelledby={titleId}>
      <h2 id={titleId}>{title}</h2>
      <div className="pg-faults">
        {actions.map(([label, run]) => (
          <button key={label} type="button" className="pg-fault" onClick={run}>
            {label}
          </button>
        ))}
      </div>
      {children ? <p className="pg-muted pg-note">{children}</p> : null}
    </section>
  );
}
