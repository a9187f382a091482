import { h, focusOn, replace } from '../lib/dom.ts';
import { limits } from '#shared/resources.ts';
import type { ConversationMessage } from '#shared/schemas/responses.ts';
import type { ConsoleShared } from './shared.ts';
import { formatNumber, t, tNodes } from './locale.ts';

export type { ConversationMessage };

/**
 * The conversation with the tipster on the console's tip view (issue 14): the
 * messages of this tip (oldest first, as GET /investigator/tips/{tipId} lists
 * them), a form to ask the tipster a question (POST …/messages), and the
 * duplicates of the cluster whose own tipsters wrote. The tipster reads the
 * questions with their receipt and sees only the day, never who wrote.
 *
 * Message text comes from the public too: it is put into the page as text only.
 */


/** The part of the tip view this panel reads. */
export interface ConversationTip {
  tipId: string;
  version?: number;
  messages?: ConversationMessage[];
  /** Set when the tip had an unread tipster reply as it was opened; opening it clears the mark on the API. */
  unreadReply?: boolean;
  conversationTips?: string[];
}

/** Who wrote a message, in the interface language (i18n/console). */
const fromInvestigator = (by: string | undefined): string => (by === undefined ? t('fromInvestigator') : t('fromInvestigatorNamed', { user: by }));
const maxChars = (): string => formatNumber(limits.maxMessageChars);

export interface ConversationOptions {
  /** Called with the whole tip as GET returns it after a message was sent (its version moved: triage must use the new one). */
  readonly refreshed: (tip: ConversationTip) => void;
}

export function conversationPanel(tip: ConversationTip, shared: ConsoleShared, options: ConversationOptions): HTMLElement {
  const list = h('div', { id: 'conversation-list' });
  const status = h('p', { id: 'conversation-status', role: 'status', 'aria-live': 'polite' });
  const error = h('p', { id: 'conversation-error', class: 'field-error', hidden: true });
  const textarea = h('textarea', { id: 'conversation-text', name: 'text', rows: 3, 'aria-describedby': 'conversation-hint' });
  const button = h('button', { type: 'submit', class: 'button button-primary', id: 'conversation-send' }, t('sendToTipster'));

  function showMessages(messages: readonly ConversationMessage[]): void {
    replace(
      list,
      messages.length === 0
        ? h('p', { class: 'muted', id: 'conversation-empty' }, t('conversationEmpty'))
        : h('ol', { class: 'conversation', id: 'conversation-messages' },
            messages.map((message) =>
              h('li', { class: `message message-${message.from}`, 'data-seq': message.seq },
                h('p', { class: 'message-meta' },
                  tNodes('messageMeta', {
                    from: message.from === 'tipster' ? t('fromTipster') : fromInvestigator(message.by),
                    time: h('time', { datetime: message.sentAt }, shared.formatTime(message.sentAt)),
                  })),
                h('p', { class: 'message-text', dir: 'auto' }, message.text)))),
    );
  }

  function setError(text: string | null): void {
    error.textContent = text ?? '';
    error.hidden = text === null;
    if (text === null) {
      textarea.removeAttribute('aria-invalid');
      textarea.setAttribute('aria-describedby', 'conversation-hint');
    } else {
      textarea.setAttribute('aria-invalid', 'true');
      textarea.setAttribute('aria-describedby', 'conversation-error conversation-hint');
    }
  }

  const form = h('form', { class: 'conversation-form', id: 'conversation-form', novalidate: true },
    h('div', { class: 'field' },
      h('label', { for: 'conversation-text' }, t('questionLabel')),
      h('p', { id: 'conversation-hint', class: 'hint' }, t('questionHint', { max: maxChars() })),
      error,
      textarea),
    button);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void send();
  });

  async function send(): Promise<void> {
    const text = textarea.value.trim();
    const length = [...text].length;
    const problem = length === 0 ? t('questionNeedsText') : length > limits.maxMessageChars ? t('questionTooLong', { count: length - limits.maxMessageChars, max: maxChars() }) : null;
    setError(problem);
    if (problem !== null) {
      textarea.focus();
      return;
    }
    button.disabled = true;
    status.textContent = t('sending');
    try {
      await shared.api(`/investigator/tips/${encodeURIComponent(tip.tipId)}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text }),
      });
    } catch (failure) {
      status.textContent = '';
      setError(shared.describe(failure));
      button.disabled = false;
      textarea.focus();
      return;
    }
    textarea.value = '';
    button.disabled = false;
    // The stored conversation (a reply may have come meanwhile) and the tip's new version.
    try {
      const fresh = (await shared.api<ConversationTip>(`/investigator/tips/${encodeURIComponent(tip.tipId)}`)).body;
      showMessages(fresh.messages ?? []);
      options.refreshed(fresh);
    } catch {
      // The message is stored; the list shows it at the next opening.
    }
    status.textContent = t('sent');
    focusOn(status);
  }

  showMessages(tip.messages ?? []);
  const others = (tip.conversationTips ?? []).filter((tipId) => tipId !== tip.tipId);
  return h('section', { class: 'conversation-panel', id: 'conversation', 'aria-labelledby': 'conversation-heading' },
    h('h3', { id: 'conversation-heading' }, t('conversationHeading')),
    h('p', { class: 'hint' }, t('conversationIntro')),
    tip.unreadReply === true ? h('p', { class: 'alert', id: 'conversation-unread' }, t('unreadCleared')) : null,
    list,
    others.length === 0
      ? null
      : h('div', { id: 'conversation-duplicates' },
          h('p', {}, t('conversationDuplicates')),
          h('ul', {}, others.map((tipId) => h('li', {}, h('button', { type: 'button', class: 'linklike code', dir: 'ltr', onclick: () => void shared.openTip(tipId) }, tipId))))),
    form,
    status,
  );
}
