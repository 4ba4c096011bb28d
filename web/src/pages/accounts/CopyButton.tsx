import { useEffect, useState } from 'react';
import { useT } from '../../i18n/context.js';

// The Clipboard API exists only on secure pages (https or localhost); a self-hosted dashboard on
// plain http falls back to the older selection-based copy.
async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // permission refused: try the fallback
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}

export function CopyButton({ text, testId }: { text: string; testId?: string }) {
  const t = useT();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state !== 'copied') return;
    const timer = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(timer);
  }, [state]);
  return (
    <span className="copy">
      <button
        type="button"
        className="btn btn-small"
        data-testid={testId}
        data-state={state}
        onClick={() => void copyText(text).then((ok) => setState(ok ? 'copied' : 'failed'))}
      >
        {state === 'copied' ? `✓ ${t('copy.copied')}` : t('copy.copy')}
      </button>
      {state === 'failed' && (
        <span className="text-bad small" role="alert">
          {t('copy.failed')}
        </span>
      )}
    </span>
  );
}
