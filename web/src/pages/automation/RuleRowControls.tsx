import { useT } from '../../i18n/context.js';

interface Props {
  active: boolean;
  canEdit: boolean;
  busy: boolean;
  onToggle(active: boolean): void;
  onEdit(): void;
  /** `rule` gives rule-toggle and rule-edit */
  testId: string;
}

/** The last two cells of a rule's row: its on/off switch and the way into its editor. */
export function RuleRowControls({ active, canEdit, busy, onToggle, onEdit, testId }: Props) {
  const t = useT();
  return (
    <>
      <td>
        <label className="toggle">
          <input
            type="checkbox"
            checked={active}
            disabled={!canEdit || busy}
            onChange={(e) => onToggle(e.target.checked)}
            data-testid={`${testId}-toggle`}
          />
          <span className="visually-hidden">{t('automation.list.active')}</span>
        </label>
      </td>
      <td>
        <button type="button" className="btn btn-small" onClick={onEdit} data-testid={`${testId}-edit`}>
          {canEdit ? t('automation.edit') : t('automation.view')}
        </button>
      </td>
    </>
  );
}
