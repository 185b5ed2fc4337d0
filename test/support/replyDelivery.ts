/** A new_messages delivery to chat-7, and a text message in it, as the trigger's tests post them. */
export function delivery(messages: unknown[], extra: Record<string, unknown> = {}) {
	return { event_type: 'new_messages', chat_id: 'chat-7', new_messages: messages, ...extra };
}

export const text = (body: string, sender = 'ai') => ({
	type: 'text',
	message_sender: sender,
	text: body,
});
