'use strict';
/**
 * What the emulator's OpenAI-compatible chat model answers, decided from the conversation alone, so
 * an agent run is the same every time:
 *   - tool results after the last user message → text that quotes every result (the `message`
 *     sentences the Suvvy tool returns first, then the raw result), finish_reason "stop";
 *   - otherwise, tools offered → one call to the tool that mentions Suvvy (else the first), its
 *     arguments read from the last user message, finish_reason "tool_calls";
 *   - otherwise → an echo of the user message.
 * Arguments are read by the tool's own JSON-schema property names: `name: "value"` or `name=value` in
 * the message first; then a property whose name mentions "chat" takes the word after "chat", and one
 * that mentions text/message/content the first double-quoted string.
 */

function textOf(message) {
	if (!message) return '';
	if (typeof message.content === 'string') return message.content;
	if (Array.isArray(message.content)) return message.content.map((part) => (typeof part === 'string' ? part : (part.text ?? ''))).join('');
	return '';
}

/** The word after "chat" (or "chat id"), without trailing punctuation. */
function chatIdIn(text) {
	const match = /\bchat(?:[ _-]?id)?\s*[:#=]?\s*["']?([A-Za-z0-9][\w.@+-]*?)["']?(?=[.,;!?]?(?:\s|$))/i.exec(text);
	return match?.[1];
}

function quotedIn(text) {
	const match = /"([^"]+)"|“([^”]+)”/.exec(text);
	return match ? (match[1] ?? match[2]) : undefined;
}

function explicitValue(text, name) {
	const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	const match = new RegExp(`\\b${escaped}\\s*[:=]\\s*(?:"([^"]*)"|([^\\s,;]+))`, 'i').exec(text);
	return match ? (match[1] ?? match[2]) : undefined;
}

function argumentsFor(tool, userText) {
	const properties = tool.function?.parameters?.properties ?? {};
	const args = {};
	for (const [name, schema] of Object.entries(properties)) {
		let value = explicitValue(userText, name);
		if (value === undefined && /chat/i.test(name)) value = chatIdIn(userText);
		if (value === undefined && /text|message|content|body/i.test(name)) value = quotedIn(userText);
		if (value === undefined && Array.isArray(schema.enum)) value = schema.enum[0];
		if (value === undefined) value = '';
		if (schema.type === 'number' || schema.type === 'integer') value = Number(value) || 0;
		if (schema.type === 'boolean') value = /^(true|yes|1)$/i.test(String(value));
		args[name] = value;
	}
	return args;
}

/** The `message` sentences of the items the n8n tool returned (JSON of a list of item json). */
function sentencesOf(content) {
	try {
		const parsed = JSON.parse(content);
		const list = Array.isArray(parsed) ? parsed : [parsed];
		const sentences = list.map((entry) => entry?.message).filter((message) => typeof message === 'string');
		return sentences.length ? sentences.join(' ') : undefined;
	} catch {
		return undefined;
	}
}

function scriptedTurn(body) {
	const messages = Array.isArray(body.messages) ? body.messages : [];
	const lastUser = messages.map((message) => message.role).lastIndexOf('user');
	const userText = textOf(messages[lastUser]);
	const toolResults = messages.slice(lastUser + 1).filter((message) => message.role === 'tool');
	const tools = Array.isArray(body.tools) ? body.tools.filter((tool) => tool.type === 'function') : [];

	if (toolResults.length) {
		const quoted = toolResults.map(textOf);
		const sentences = quoted.map(sentencesOf).filter(Boolean);
		const content = `${sentences.length ? `Suvvy says: ${sentences.join(' ')}\n\n` : ''}Tool result: ${quoted.join('\n')}`;
		return { kind: 'answer', message: { role: 'assistant', content }, finishReason: 'stop' };
	}
	if (tools.length) {
		const tool = tools.find((candidate) => /suvvy/i.test(`${candidate.function?.name} ${candidate.function?.description}`)) ?? tools[0];
		const callsSoFar = messages.filter((message) => message.role === 'assistant' && message.tool_calls?.length).length;
		const toolCall = { id: `call_emulator_${callsSoFar + 1}`, type: 'function', function: { name: tool.function.name, arguments: JSON.stringify(argumentsFor(tool, userText)) } };
		return { kind: 'tool_call', message: { role: 'assistant', content: null, tool_calls: [toolCall] }, finishReason: 'tool_calls' };
	}
	return { kind: 'echo', message: { role: 'assistant', content: `You said: ${userText}` }, finishReason: 'stop' };
}

module.exports = { scriptedTurn, argumentsFor };
