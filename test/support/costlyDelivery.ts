/**
 * Deliveries to chat-9, and messages in them linking to files on a test file server, as the tests of
 * what one delivery may cost n8n post them.
 */
import type { IDataObject } from 'n8n-workflow';

import type { FileServer } from './fileServer';
import { delivery as replyDelivery } from './replyDelivery';

export const MB = 1024 * 1024;

/** A document message linking to `path` on `files`. */
export const fileMessageOn =
	(files: FileServer) =>
	(path: string, extra: IDataObject = {}) => ({
		type: 'document',
		message_sender: 'ai',
		file: { name: path.split('/').pop(), url: `${files.url}${path}`, ...extra },
	});

/** A new_messages delivery of `messages` to chat-9, with any other fields in `extra`. */
export const delivery = (messages: unknown[], extra: IDataObject = {}) =>
	replyDelivery(messages, { chat_id: 'chat-9', ...extra });
