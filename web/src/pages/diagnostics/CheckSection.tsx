import { useT } from '../../i18n/context.js';
import { CheckRow } from './CheckRow.js';
import { type CheckSection as Section, sectionTitle } from './report.js';

export function CheckSection({ section }: { section: Section }) {
  const t = useT();
  return (
    <section
      className={`card check-section check-section-${section.verdict}`}
      data-testid="diagnostics-section"
      data-group={section.group}
      data-account-id={section.account?.id ?? ''}
      data-verdict={section.verdict}
    >
      <h2>{sectionTitle(t, section)}</h2>
      <ul className="check-list">
        {section.checks.map((c) => (
          <CheckRow key={c.id} check={c} />
        ))}
      </ul>
    </section>
  );
}
