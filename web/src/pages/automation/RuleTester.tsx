import { useState } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useT } from '../../i18n/context.js';
import { ReplyPreview } from './ReplyPreview.js';
import type { DmRule, DmTestResult } from './types.js';
import type { AutomationContext } from './use-automation-context.js';
import { useLiveTest } from './use-live-test.js';

interface Props {
  ctx: AutomationContext;
  rules: readonly DmRule[];
  /** changes whenever a rule was saved, so the answer is re-asked */
  version: number;
  onOpenRule(id: string): void;
}

/** "Type a message, see which rule fires and what would be sent", against the saved rules. */
export function RuleTester({ ctx, rules, version, onOpenRule }: Props) {
  const t = useT();
  const [text, setText] = useState('');
  const [accountId, setAccountId] = useState('');
  const body = text.trim() ? { text, ...(accountId ? { accountId } : {}) } : null;
  const test = useLiveTest<DmTestResult>('/dm-keywords/test', body, version);
  const r = body ? test.result : null;
  const label = (id: string) => {
    const rule = rules.find((x) => x.id === id);
    return rule ? rule.keywords.join(', ') : id;
  };

  return (
    <section className="card auto-tester" data-testid="rule-tester" aria-live="polite">
      <h2>{t('automation.tester.title')}</h2>
      <p className="muted small">{t('automation.tester.text')}</p>
      {ctx.accounts.length > 1 && (
        <select
          value={accountId}
          onChange={(e) => setAccountId(e.target.value)}
          aria-label={t('automation.account.label')}
        >
          <option value="">{t('automation.account.all')}</option>
          {ctx.accounts.map((a) => (
            <option key={a.id} value={a.id}>
              {ctx.accountName(a.id)}
            </option>
          ))}
        </select>
      )}
      <textarea
        rows={3}
        value={text}
        maxLength={2000}
        placeholder={t('automation.tester.placeholder')}
        onChange={(e) => setText(e.target.value)}
        data-testid="tester-input"
      />
      <ErrorMessage error={body ? test.error : null} testId="tester-error" />
      <div
        className="auto-tester-result"
        data-testid="tester-result"
        data-state={testState(body !== null, test.pending, r)}
      >
        {!body && <p className="muted small">{t('automation.tester.empty')}</p>}
        {body && r?.rule && r.reply && (
          <>
            <p className="small">
              {t('automation.tester.fires')}{' '}
              <button
                type="button"
                className="auto-link"
                onClick={() => onOpenRule(r.rule!.id)}
                data-testid="tester-rule"
              >
                {r.rule.keywords.join(', ')}
              </button>{' '}
              {r.keyword && (
                <span className="muted">{t('automation.tester.keyword', { keyword: r.keyword })}</span>
              )}
            </p>
            <ReplyPreview reply={r.reply} />
          </>
        )}
        {body && r && !r.rule && (
          <p className="small" data-testid="tester-none">
            {t('automation.tester.none')}
          </p>
        )}
        {body && r && r.skipped.length > 0 && (
          <ul className="auto-skipped small" data-testid="tester-skipped">
            {r.skipped.map((s) => (
              <li key={s.ruleId}>{t(`automation.tester.skipped.${s.reason}`, { rule: label(s.ruleId) })}</li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

function testState(typed: boolean, pending: boolean, r: DmTestResult | null): string {
  if (!typed) return 'empty';
  if (pending || !r) return 'pending';
  return r.rule ? 'fires' : 'none';
}
