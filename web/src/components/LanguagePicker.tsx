import { useI18n } from '../i18n/context.js';
import { isLanguage, languages } from '../i18n/core.js';

export function LanguagePicker() {
  const { lang, setLang, t } = useI18n();
  return (
    <label className="lang-picker">
      <span className="visually-hidden">{t('lang.label')}</span>
      <select
        data-testid="language-picker"
        value={lang}
        onChange={(e) => {
          if (isLanguage(e.target.value)) setLang(e.target.value);
        }}
      >
        {languages.map((l) => (
          <option key={l} value={l}>
            {t(`lang.${l}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
