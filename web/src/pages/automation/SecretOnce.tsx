import { useT } from '../../i18n/context.js';
import { CopyButton } from '../accounts/CopyButton.js';

interface Props {
  title: string;
  value: string;
  testId: string;
  onDone(): void;
}

/** A secret the server shows exactly once (a webhook's signing secret, an API key). */
export function SecretOnce({ title, value, testId, onDone }: Props) {
  const t = useT();
  return (
    <div className="alert auto-secret" role="status" data-testid={testId}>
      <div className="auto-grow">
        <strong className="block">{title}</strong>
        <span className="small block">{t('automation.secret.once')}</span>
        <code className="auto-secret-value" data-testid={`${testId}-value`}>
          {value}
        </code>
      </div>
      <CopyButton text={value} testId={`${testId}-copy`} />
      <button type="button" className="btn btn-small" onClick={onDone} data-testid={`${testId}-done`}>
        {t('automation.secret.done')}
      </button>
    </div>
  );
}
