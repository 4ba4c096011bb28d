import { useT } from '../../i18n/context.js';
import { postProblem } from './post-status.js';
import type { AutoPostView } from './schedule-types.js';

/**
 * Why a post failed (or what is holding it up), in plain words; the server's own sentence, which
 * names the file or carries Meta's reason, stays under it as the details.
 */
export function PublishProblem({ post, compact = false }: { post: AutoPostView; compact?: boolean }) {
  const t = useT();
  const problem = postProblem(post);
  if (!problem) return null;
  const failed = post.status === 'failed';
  const text = problem.code ? t(`pub.problem.${problem.code}`) : problem.detail;
  return (
    <div
      className={`pub-problem ${failed ? 'pub-problem-bad' : 'pub-problem-warn'}${compact ? ' pub-problem-compact' : ''}`}
      role={failed ? 'alert' : 'status'}
      data-testid="publish-problem"
      data-code={post.errorCode ?? ''}
    >
      <span data-testid="publish-problem-text">{text}</span>
      {!compact && problem.code && problem.detail && (
        <span className="block small pub-problem-detail" data-testid="publish-problem-detail">
          {t('error.details', { message: problem.detail })}
        </span>
      )}
    </div>
  );
}
