import { type FormEvent, useState } from 'react';
import { DetailedError } from '../../components/DetailedError.js';
import { useT } from '../../i18n/context.js';
import { useApi } from '../../lib/session.js';
import { csvUpload, importSummary, reportCsv, reportLines } from './csv-report.js';
import type { ImportReport } from './types.js';
import { useSave } from './use-save.js';

/** Upload a catalogue file; good rows are saved, and every bad row comes back with what is wrong. */
export function CsvImport({ onImported }: { onImported(): void }) {
  const t = useT();
  const api = useApi();
  const [file, setFile] = useState<File | null>(null);
  const [currency, setCurrency] = useState('UAH');
  const [dryRun, setDryRun] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const upload = useSave([]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    const query = new URLSearchParams({ dryRun: String(dryRun) });
    // for files without a currency column
    if (currency.trim()) query.set('defaultCurrency', currency.trim().toUpperCase());
    const result = await upload.run(() =>
      api.upload<ImportReport>(`/products/import?${query}`, csvUpload(file)),
    );
    setReport(result ?? null);
    if (result && !result.dryRun) onImported();
  };

  const lines = report ? reportLines(report) : [];
  const summary = report ? importSummary(report) : null;
  const download = () => {
    const csv = reportCsv(lines, [t('pub.import.row'), t('pub.import.column'), t('pub.import.problem')]);
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const a = Object.assign(document.createElement('a'), {
      href: url,
      download: `${file?.name.replace(/\.\w+$/, '') ?? 'import'}-errors.csv`,
    });
    a.click();
    URL.revokeObjectURL(url);
  };

  return (
    <section className="card pub-import" data-testid="csv-import">
      <h2>{t('pub.import.title')}</h2>
      <p className="muted small">{t('pub.import.hint')}</p>
      <form className="pub-row pub-import-form" onSubmit={(e) => void submit(e)}>
        <input
          type="file"
          accept=".csv,text/csv,text/plain"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          data-testid="csv-file"
        />
        <label className="field field-inline">
          <span>{t('pub.import.defaultCurrency')}</span>
          <input
            value={currency}
            maxLength={3}
            className="mono pub-narrow"
            onChange={(e) => setCurrency(e.target.value)}
          />
        </label>
        <label className="toggle">
          <input
            type="checkbox"
            checked={dryRun}
            onChange={(e) => setDryRun(e.target.checked)}
            data-testid="csv-dry-run"
          />
          <span>{t('pub.import.dryRun')}</span>
        </label>
        <button
          type="submit"
          className="btn btn-primary"
          disabled={!file || upload.busy}
          data-testid="csv-submit"
        >
          {upload.busy ? t('pub.import.uploading') : t('pub.import.submit')}
        </button>
      </form>
      <DetailedError error={upload.error} testId="csv-error" />
      {report && summary && (
        <div className="pub-import-report" data-testid="csv-report" role="status">
          <p className={summary.clean ? 'text-ok' : undefined} data-testid="csv-summary">
            {t(report.dryRun ? 'pub.import.checked' : 'pub.import.done', {
              imported: summary.imported,
              updated: summary.updated,
              failed: summary.failedRows,
            })}
          </p>
          {lines.length > 0 && (
            <>
              <div className="table-wrap">
                <table className="table" data-testid="csv-report-table">
                  <thead>
                    <tr>
                      <th className="num">{t('pub.import.row')}</th>
                      <th>{t('pub.import.column')}</th>
                      <th>{t('pub.import.problem')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {lines.map((l, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: a row can have several problems in one column
                      <tr key={i} data-testid="csv-report-line">
                        <td className="num">{l.row}</td>
                        <td className="mono">{l.column ?? t('pub.import.wholeRow')}</td>
                        <td>{l.message}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <button
                type="button"
                className="btn btn-small"
                onClick={download}
                data-testid="csv-report-download"
              >
                {t('pub.import.download')}
              </button>
            </>
          )}
        </div>
      )}
    </section>
  );
}
