import { useState } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useT } from '../../i18n/context.js';
import type { CommentRule } from './types.js';
import { useLiveTest } from './use-live-test.js';

interface CommentTestResult {
  rule: CommentRule | null;
  keyword: string | null;
  publicReplies: string[];
  privateReply: string | null;
}

/** Which comment rule would answer a comment, and what it would say. */
export function CommentTester({ version }: { version: number }) {
  const t = useT();
  const [text, setText] = useState('');
  const body = text.trim() ? { text } : null;
  const test = useLiveTest<CommentTestResult>('/comment-rules/test', body, version);
  const r = body ? test.result : null;
  return (
    <section className="card auto-tester" data-testid="comment-tester" aria-live="polite">
      <h2>{t('automation.tester.commentTitle')}</h2>
      <p className="muted small">{t('automation.tester.commentText')}</p>
      <textarea
        rows={3}
        value={text}
        maxLength={2200}
        placeholder={t('automation.tester.commentPlaceholder')}
        onChange={(e) => setText(e.target.value)}
        data-testid="comment-tester-input"
      />
      <ErrorMessage error={body ? test.error : null} testId="comment-tester-error" />
      {r?.rule && (
        <div className="auto-tester-result" data-testid="comment-tester-result">
          <p className="small">
            {t('automation.tester.commentFires', { name: r.rule.name })}
            {r.keyword && (
              <span className="muted"> {t('automation.tester.keyword', { keyword: r.keyword })}</span>
            )}
          </p>
          {r.publicReplies.length > 0 && (
            <>
              <p className="muted small">{t('automation.tester.publicOneOf')}</p>
              <ul className="auto-variants-preview">
                {r.publicReplies.map((p) => (
                  <li key={p} className="auto-bubble">
                    {p}
                  </li>
                ))}
              </ul>
            </>
          )}
          {r.privateReply && (
            <>
              <p className="muted small">{t('automation.tester.privateDm')}</p>
              <p className="auto-bubble">{r.privateReply}</p>
            </>
          )}
        </div>
      )}
      {r && !r.rule && <p className="small">{t('automation.tester.commentNone')}</p>}
    </section>
  );
}
