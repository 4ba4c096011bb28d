import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import * as apiKeys from '../../src/api-keys/api-key.schema.js';
import type * as actions from '../../src/automation/automation-action.schema.js';
import type * as settings from '../../src/automation/automation-settings.schema.js';
import * as comments from '../../src/automation/comment-rule.schema.js';
import * as dm from '../../src/automation/dm-keyword.schema.js';
import * as hooks from '../../src/outbound-webhooks/outbound-webhook.schema.js';
import type { postView } from '../../src/posts/post.schema.js';
import {
  type ApiKey,
  type AutomationAction,
  type AutomationSettings,
  apiKeyScopes,
  type CommentRule,
  type CreatedApiKey,
  type CreatedOutboundWebhook,
  commentScopes,
  type DmRule,
  type DmTestResult,
  matchTypes,
  type OutboundDelivery,
  type OutboundWebhook,
  outboundEventTypes,
  type Post,
} from '../../web/src/pages/automation/types.js';

// The dashboard's copies of the automation response shapes must stay the server's zod schemas:
// the type assertions fail `tsc --noEmit` when they drift, the lists fail here.

describe('automation API contract', () => {
  it('has the same response types as the server schemas', () => {
    expectTypeOf<DmRule>().toEqualTypeOf<z.infer<typeof dm.ruleView>>();
    expectTypeOf<DmTestResult>().toEqualTypeOf<z.infer<typeof dm.testResult>>();
    expectTypeOf<CommentRule>().toEqualTypeOf<z.infer<typeof comments.ruleView>>();
    expectTypeOf<AutomationSettings>().toEqualTypeOf<z.infer<typeof settings.settingsView>>();
    expectTypeOf<AutomationAction>().toEqualTypeOf<z.infer<typeof actions.actionView>>();
    expectTypeOf<OutboundWebhook>().toEqualTypeOf<z.infer<typeof hooks.outboundWebhookView>>();
    expectTypeOf<CreatedOutboundWebhook>().toEqualTypeOf<z.infer<typeof hooks.createdOutboundWebhookView>>();
    expectTypeOf<OutboundDelivery>().toEqualTypeOf<z.infer<typeof hooks.outboundDeliveryView>>();
    expectTypeOf<ApiKey>().toEqualTypeOf<z.infer<typeof apiKeys.apiKeyView>>();
    expectTypeOf<CreatedApiKey>().toEqualTypeOf<z.infer<typeof apiKeys.createdApiKeyView>>();
    expectTypeOf<Post>().toEqualTypeOf<z.infer<typeof postView>>();
  });

  it('offers the same choices as the server', () => {
    expect([...matchTypes]).toEqual(dm.ruleView.shape.matchType.options);
    expect([...matchTypes]).toEqual(comments.ruleView.shape.matchType.options);
    expect([...commentScopes]).toEqual(comments.ruleView.shape.scope.options);
    expect([...outboundEventTypes]).toEqual([...hooks.OUTBOUND_EVENT_TYPES]);
    expect([...apiKeyScopes]).toEqual(apiKeys.apiKeyScope.options);
  });
});
