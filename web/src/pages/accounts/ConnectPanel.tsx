import { useState } from 'react';
import { useT } from '../../i18n/context.js';
import { ChatraceForm } from './ChatraceForm.js';
import { ChatraceSetup } from './ChatraceSetup.js';
import { InstagramLoginCard } from './InstagramLoginCard.js';
import { TokenForm } from './TokenForm.js';
import type { ChatraceConnection } from './types.js';

/** The three ways to connect: Instagram Login, a pasted token, or Chatrace. */
export function ConnectPanel({ onConnected }: { onConnected(): void }) {
  const t = useT();
  // Held only in memory: the webhook token must not outlive this screen.
  const [chatrace, setChatrace] = useState<ChatraceConnection | null>(null);
  return (
    <section className="connect-panel" data-testid="connect-panel">
      <h2>{t('connect.title')}</h2>
      {chatrace ? (
        <ChatraceSetup connection={chatrace} onDone={() => setChatrace(null)} />
      ) : (
        <div className="connect-grid">
          <InstagramLoginCard />
          <TokenForm onConnected={onConnected} />
          <ChatraceForm
            onConnected={(c) => {
              setChatrace(c);
              onConnected();
            }}
          />
        </div>
      )}
    </section>
  );
}
