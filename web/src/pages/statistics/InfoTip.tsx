import { useT } from '../../i18n/context.js';
import type { Formula } from './types.js';

/**
 * How a number is computed: the expression from the API's `formulas` (what the server really
 * does) and the same in words in the user's language. A <details> works with the keyboard and
 * screen readers without any script.
 */
export function InfoTip({ formula, text, testId }: { formula: Formula; text: string; testId?: string }) {
  const t = useT();
  return (
    <details className="stats-info" data-testid={testId}>
      <summary aria-label={t('stats.howComputed')} title={t('stats.howComputed')}>
        i
      </summary>
      <div className="stats-info-body">
        <code data-testid={testId ? `${testId}-expression` : undefined}>{formula.expression}</code>
        <p>{text}</p>
      </div>
    </details>
  );
}
