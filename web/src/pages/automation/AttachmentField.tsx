import { useRef } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useT } from '../../i18n/context.js';
import { useApi } from '../../lib/session.js';
import { useAction } from '../accounts/use-action.js';
import { outgoingTypeOf } from '../inbox/message-parts.js';
import type { UploadedAttachment } from '../inbox/types.js';
import { FieldNote } from './FieldNote.js';
import type { Problems } from './field-errors.js';
import { type AttachmentForm, type AttachmentType, attachmentTypes } from './rule-form.js';

interface Props {
  value: AttachmentForm | null;
  problems: Problems;
  disabled: boolean;
  onChange(next: AttachmentForm | null): void;
}

/** A file sent after the text: uploaded here, or a link Instagram fetches. */
export function AttachmentField({ value, problems, disabled, onChange }: Props) {
  const t = useT();
  const api = useApi();
  const upload = useAction<UploadedAttachment>();
  const input = useRef<HTMLInputElement>(null);

  const pick = async (file: File | undefined) => {
    if (!file) return;
    // Header values must be Latin-1, and file names often are not.
    const stored = await upload.run(() =>
      api.upload<UploadedAttachment>('/attachments', file, { 'x-file-name': encodeURIComponent(file.name) }),
    );
    if (stored)
      onChange({
        type: outgoingTypeOf(stored.mimeType || file.type),
        url: '',
        attachmentId: stored.id,
        fileName: stored.fileName ?? file.name,
      });
    if (input.current) input.current.value = '';
  };

  return (
    <fieldset className="auto-fieldset" data-testid="attachment">
      <legend>{t('automation.attachment.label')}</legend>
      {!value && <p className="muted small">{t('automation.attachment.none')}</p>}
      {value?.attachmentId && (
        <p className="small" data-testid="attachment-file">
          {t('automation.attachment.uploaded', { name: value.fileName ?? value.attachmentId })}
        </p>
      )}
      {value && !value.attachmentId && (
        <div className="auto-row">
          <label className="field field-inline">
            <span>{t('automation.attachment.type')}</span>
            <select
              value={value.type}
              disabled={disabled}
              onChange={(e) => onChange({ ...value, type: e.target.value as AttachmentType })}
            >
              {attachmentTypes.map((a) => (
                <option key={a} value={a}>
                  {t(`automation.attachment.${a}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field field-inline auto-grow">
            <span>{t('automation.attachment.url')}</span>
            <input
              type="url"
              value={value.url}
              disabled={disabled}
              placeholder="https://…"
              onChange={(e) => onChange({ ...value, url: e.target.value })}
              data-testid="attachment-url"
            />
          </label>
        </div>
      )}
      <FieldNote problems={problems} field="attachment" />
      <ErrorMessage error={upload.error} testId="attachment-error" />
      <div className="auto-actions">
        <input
          ref={input}
          type="file"
          hidden
          onChange={(e) => void pick(e.target.files?.[0])}
          data-testid="attachment-file-input"
        />
        <button
          type="button"
          className="btn btn-small"
          disabled={disabled || upload.busy}
          onClick={() => input.current?.click()}
        >
          {upload.busy ? t('automation.attachment.uploading') : t('automation.attachment.upload')}
        </button>
        {!value && (
          <button
            type="button"
            className="btn btn-small"
            disabled={disabled}
            onClick={() => onChange({ type: 'image', url: '', attachmentId: null, fileName: null })}
            data-testid="attachment-link"
          >
            {t('automation.attachment.byLink')}
          </button>
        )}
        {value && (
          <button
            type="button"
            className="btn btn-small btn-ghost"
            disabled={disabled}
            onClick={() => onChange(null)}
          >
            {t('automation.attachment.remove')}
          </button>
        )}
      </div>
    </fieldset>
  );
}
