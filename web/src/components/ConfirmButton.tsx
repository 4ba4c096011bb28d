import { useState } from 'react';

interface Props {
  /** the first button: "Delete" */
  label: string;
  /** the second, red button that does it: "Delete for good" (the same word is fine with a question) */
  confirmLabel: string;
  /** asked beside the red button; with it comes a button to step back */
  question?: string;
  cancelLabel?: string;
  onConfirm(): unknown;
  busy?: boolean;
  small?: boolean;
  /** the first button's look (default: ghost) */
  variant?: 'ghost' | 'plain';
  /** `x` gives the buttons x and x-confirm */
  testId: string;
}

/** A destructive action that takes a second, deliberate click. */
export function ConfirmButton({
  label,
  confirmLabel,
  question,
  cancelLabel,
  onConfirm,
  busy = false,
  small = false,
  variant = 'ghost',
  testId,
}: Props) {
  const [asking, setAsking] = useState(false);
  const size = small ? ' btn-small' : '';
  if (!asking)
    return (
      <button
        type="button"
        className={`btn${variant === 'ghost' ? ' btn-ghost' : ''}${size}`}
        onClick={() => setAsking(true)}
        data-testid={testId}
      >
        {label}
      </button>
    );
  return (
    <span className="confirm-inline">
      {question && <span className="small">{question}</span>}
      <button
        type="button"
        className={`btn btn-danger${size}`}
        disabled={busy}
        onClick={() => void onConfirm()}
        data-testid={`${testId}-confirm`}
      >
        {confirmLabel}
      </button>
      {cancelLabel && (
        <button type="button" className="btn btn-ghost btn-small" onClick={() => setAsking(false)}>
          {cancelLabel}
        </button>
      )}
    </span>
  );
}
