import type { FormEvent } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useI18n } from '../../i18n/context.js';
import { formatDateTime } from '../../lib/format.js';
import { useApi } from '../../lib/session.js';
import { BusinessHoursField } from './BusinessHoursField.js';
import { DurationField } from './DurationField.js';
import { FieldNote } from './FieldNote.js';
import { QuickRepliesField } from './QuickRepliesField.js';
import { SettingsGroup } from './SettingsGroup.js';
import { type SettingsForm as Form, settingsBody, settingsForm, settingsProblems } from './settings-form.js';
import type { AutomationSettings } from './types.js';
import type { AutomationContext } from './use-automation-context.js';
import { useEditor } from './use-editor.js';

interface Props {
  ctx: AutomationContext;
  settings: AutomationSettings;
  onSaved(): void;
}

export function SettingsForm({ ctx, settings, onSaved }: Props) {
  const { t, locale } = useI18n();
  const api = useApi();
  const ed = useEditor<Form, AutomationSettings>(() => settingsForm(settings), settingsProblems);
  const { form, update, problems } = ed;
  const off = !ctx.isOwner || ed.save.busy;
  const text = (field: string, value: string, key: keyof Form, testId: string) => (
    <label className="field">
      <span>{t('automation.settings.message')}</span>
      <textarea
        rows={3}
        maxLength={1000}
        value={value}
        disabled={off}
        onChange={(e) => update({ [key]: e.target.value })}
        data-testid={testId}
      />
      <FieldNote problems={problems} field={field} />
    </label>
  );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const saved = await ed.submit((f) =>
      api.put<AutomationSettings>(
        `/accounts/${encodeURIComponent(settings.accountId)}/automation`,
        settingsBody(f),
      ),
    );
    if (saved) onSaved();
  };

  return (
    <form className="auto-settings" onSubmit={(e) => void submit(e)} noValidate data-testid="settings-form">
      <SettingsGroup
        title={t('automation.settings.welcome')}
        hint={t('automation.settings.welcomeHint')}
        on={form.welcomeOn}
        disabled={off}
        testId="welcome"
        onToggle={(welcomeOn) => update({ welcomeOn })}
      >
        {text('welcome.text', form.welcomeText, 'welcomeText', 'welcome-text')}
        <QuickRepliesField
          value={form.welcomeQuickReplies}
          field="welcome.quickReplies"
          problems={problems}
          disabled={off}
          onChange={(welcomeQuickReplies) => update({ welcomeQuickReplies })}
        />
      </SettingsGroup>
      <SettingsGroup
        title={t('automation.settings.away')}
        hint={t('automation.settings.awayHint')}
        on={form.awayOn}
        disabled={off}
        testId="away"
        onToggle={(awayOn) => update({ awayOn })}
      >
        {text('away.text', form.awayText, 'awayText', 'away-text')}
        <BusinessHoursField
          value={form.businessHours}
          timezone={ctx.timezone}
          problems={problems}
          disabled={off}
          onChange={(businessHours) => update({ businessHours })}
        />
        <DurationField
          label={t('automation.settings.awayCooldown')}
          hint={t('automation.settings.awayCooldownHint')}
          value={form.awayCooldown}
          field="away.cooldownMinutes"
          problems={problems}
          disabled={off}
          testId="away-cooldown"
          onChange={(awayCooldown) => update({ awayCooldown })}
        />
      </SettingsGroup>
      <SettingsGroup
        title={t('automation.settings.story')}
        hint={t('automation.settings.storyHint')}
        on={form.storyOn}
        disabled={off}
        testId="story"
        onToggle={(storyOn) => update({ storyOn })}
      >
        {text('storyMention.text', form.storyText, 'storyText', 'story-text')}
      </SettingsGroup>
      <SettingsGroup
        title={t('automation.settings.optOut')}
        hint={t('automation.settings.optOutHint')}
        on={form.optOutOn}
        disabled={off}
        testId="opt-out"
        onToggle={(optOutOn) => update({ optOutOn })}
      >
        <label className="field">
          <span>{t('automation.settings.stopText')}</span>
          <textarea
            rows={2}
            maxLength={1000}
            value={form.stopText}
            disabled={off}
            onChange={(e) => update({ stopText: e.target.value })}
          />
        </label>
        <label className="field">
          <span>{t('automation.settings.startText')}</span>
          <textarea
            rows={2}
            maxLength={1000}
            value={form.startText}
            disabled={off}
            onChange={(e) => update({ startText: e.target.value })}
          />
        </label>
      </SettingsGroup>
      <section className="card auto-group">
        <h2>{t('automation.settings.limits')}</h2>
        <div className="auto-row">
          <DurationField
            label={t('automation.settings.takeover')}
            hint={t('automation.settings.takeoverHint')}
            value={form.takeover}
            field="takeoverMinutes"
            problems={problems}
            disabled={off}
            testId="takeover"
            onChange={(takeover) => update({ takeover })}
          />
          <label className="field">
            <span>{t('automation.settings.maxPerHour')}</span>
            <input
              inputMode="numeric"
              value={form.maxPerHour}
              disabled={off}
              onChange={(e) => update({ maxPerHour: e.target.value })}
              data-testid="max-per-hour"
            />
            <FieldNote
              problems={problems}
              field="maxPerConversationPerHour"
              hint={t('automation.settings.maxPerHourHint')}
            />
          </label>
        </div>
      </section>
      <ErrorMessage error={ed.save.error} testId="settings-save-error" />
      <div className="auto-actions">
        <button type="submit" className="btn btn-primary" disabled={off} data-testid="settings-save">
          {ed.save.busy ? t('automation.saving') : t('automation.save')}
        </button>
        {ed.save.result && (
          <span className="text-ok small" role="status" data-testid="settings-saved">
            {t('automation.saved')}
          </span>
        )}
        <span className="muted small">
          {settings.updatedAt
            ? t('automation.settings.updatedAt', { time: formatDateTime(locale, settings.updatedAt) })
            : t('automation.settings.defaults')}
        </span>
      </div>
    </form>
  );
}
