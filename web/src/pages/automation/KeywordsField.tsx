import { useT } from '../../i18n/context.js';
import { FieldNote } from './FieldNote.js';
import type { Problems } from './field-errors.js';
import { type MatchType, matchTypes } from './types.js';

interface Props {
  keywords: string;
  matchType: MatchType;
  problems: Problems;
  disabled: boolean;
  /** comment rules: no keywords means every comment */
  optional?: boolean;
  onChange(next: { keywords?: string; matchType?: MatchType }): void;
}

/** Keywords one per line, and how they are matched. */
export function KeywordsField({ keywords, matchType, problems, disabled, optional, onChange }: Props) {
  const t = useT();
  return (
    <div className="auto-row">
      <label className="field auto-grow">
        <span>{t('automation.keywords.label')}</span>
        <textarea
          rows={3}
          value={keywords}
          disabled={disabled}
          placeholder={t('automation.keywords.placeholder')}
          onChange={(e) => onChange({ keywords: e.target.value })}
          aria-invalid={problems.server.some((p) => p.path.startsWith('keywords')) || undefined}
          data-testid="rule-keywords"
        />
        <FieldNote
          problems={problems}
          field="keywords"
          hint={t(optional ? 'automation.keywords.hintOptional' : 'automation.keywords.hint')}
        />
      </label>
      <label className="field">
        <span>{t('automation.match.label')}</span>
        <select
          value={matchType}
          disabled={disabled}
          onChange={(e) => onChange({ matchType: e.target.value as MatchType })}
          data-testid="rule-match-type"
        >
          {matchTypes.map((m) => (
            <option key={m} value={m}>
              {t(`automation.match.${m}`)}
            </option>
          ))}
        </select>
        <span className="muted small auto-hint">{t(`automation.match.${matchType}.hint`)}</span>
      </label>
    </div>
  );
}
