import { useT } from '../../i18n/context.js';
import { builtInVariables } from './template-vars.js';

/** the variables a template may use, as buttons that insert them where the cursor is */
export function VariableButtons({ custom, onInsert }: { custom: string[]; onInsert(name: string): void }) {
  const t = useT();
  return (
    <div className="pub-vars" data-testid="template-variables">
      <span className="muted small">{t('pub.template.variables')}</span>
      {builtInVariables.map((v) => (
        <button
          key={v}
          type="button"
          className="pub-var"
          title={t(`pub.var.${v}`)}
          onClick={() => onInsert(v)}
          data-testid={`var-${v}`}
        >
          {`{${v}}`}
        </button>
      ))}
      {custom.map((v) => (
        <button
          key={v}
          type="button"
          className="pub-var pub-var-custom"
          title={t('pub.var.custom')}
          onClick={() => onInsert(v)}
          data-testid={`var-${v}`}
        >
          {`{${v}}`}
        </button>
      ))}
    </div>
  );
}
