import { useState } from 'react';
import { describeError } from '../../components/ErrorMessage.js';
import { useT } from '../../i18n/context.js';
import type { Query } from '../../lib/api.js';
import { useSession } from '../../lib/session.js';
import { downloadCsv } from './download.js';

/** downloads one of the CSV exports with the query on screen */
export function CsvButton({
  path,
  query,
  label,
  testId,
}: {
  path: string;
  query: Query;
  label: string;
  testId: string;
}) {
  const t = useT();
  const { token } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      await downloadCsv(token, path, query);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="stats-csv">
      <button type="button" className="btn btn-small" disabled={busy} onClick={run} data-testid={testId}>
        {label}
      </button>
      {Boolean(error) && (
        <span className="text-bad small" role="alert">
          {describeError(t, error)}
        </span>
      )}
    </span>
  );
}
