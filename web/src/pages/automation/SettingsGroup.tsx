import type { ReactNode } from 'react';

interface Props {
  title: string;
  hint: string;
  on: boolean;
  disabled: boolean;
  testId: string;
  onToggle(on: boolean): void;
  children: ReactNode;
}

/** One automation with its switch; its fields show while it is on. */
export function SettingsGroup({ title, hint, on, disabled, testId, onToggle, children }: Props) {
  return (
    <section className={`card auto-group${on ? '' : ' auto-group-off'}`} data-testid={`group-${testId}`}>
      <label className="toggle auto-group-head">
        <input
          type="checkbox"
          checked={on}
          disabled={disabled}
          onChange={(e) => onToggle(e.target.checked)}
          data-testid={`${testId}-on`}
        />
        <span>
          <strong className="block">{title}</strong>
          <span className="muted small">{hint}</span>
        </span>
      </label>
      {on && <div className="auto-group-body">{children}</div>}
    </section>
  );
}
