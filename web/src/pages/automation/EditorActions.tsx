import { ConfirmButton } from '../../components/ConfirmButton.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useT } from '../../i18n/context.js';

interface Props {
  /** prefix of the test ids: `rule` gives rule-save, rule-delete… */
  name: string;
  saving: boolean;
  disabled: boolean;
  saveError: unknown;
  deleteError: unknown;
  /** absent: nothing to delete (a new rule, or a reader) */
  onDelete?: () => void;
  onCancel(): void;
}

/** Save, cancel, and delete after a second click: the bottom of a rule editor. */
export function EditorActions({ name, saving, disabled, saveError, deleteError, onDelete, onCancel }: Props) {
  const t = useT();
  return (
    <>
      <ErrorMessage error={saveError} testId={`${name}-save-error`} />
      <ErrorMessage error={deleteError} testId={`${name}-delete-error`} />
      <div className="auto-actions">
        <button type="submit" className="btn btn-primary" disabled={disabled} data-testid={`${name}-save`}>
          {saving ? t('automation.saving') : t('automation.save')}
        </button>
        <button type="button" className="btn" onClick={onCancel} data-testid={`${name}-cancel`}>
          {t('automation.cancel')}
        </button>
        {onDelete && (
          <span className="auto-push">
            <ConfirmButton
              label={t('automation.delete')}
              confirmLabel={t('automation.deleteConfirm')}
              onConfirm={onDelete}
              testId={`${name}-delete`}
            />
          </span>
        )}
      </div>
    </>
  );
}
