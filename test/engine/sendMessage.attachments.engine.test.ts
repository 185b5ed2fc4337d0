/** An item's binary fields as Suvvy attachments: all of them, only the selected ones, or none. */
import { base64Of, SAMPLE_FILES } from '../fixtures/files';
import { runWorkflow } from '../support/runWorkflow';
import { mockSuvvy } from '../support/suvvyMock';
import { interceptHttp } from '../support/interceptHttp';
import { OUTPUT, SEND } from '../support/sendOperation';

interceptHttp();

describe('Send Message in a real workflow', () => {
	test("turns every binary field of the item into base64 attachments, read from n8n's file store", async () => {
		const suvvy = mockSuvvy();
		const { received } = await runWorkflow({
			items: [
				{
					json: { chat: 'c-1' },
					files: {
						photo: {
							base64: base64Of(SAMPLE_FILES.png),
							fileName: 'photo.png',
							mimeType: 'image/png',
						},
						voice: {
							base64: base64Of(SAMPLE_FILES.ogg),
							fileName: 'voice.ogg',
							mimeType: 'application/octet-stream',
						},
					},
				},
			],
			parameters: { ...SEND, chatId: '={{ $json.chat }}', source: 'Telegram' },
		});

		expect(suvvy.requests[0].body.attachments).toStrictEqual([
			{ file_name: 'photo.png', file_type: 'image', data: base64Of(SAMPLE_FILES.png) },
			{ file_name: 'voice.ogg', file_type: 'audio', data: base64Of(SAMPLE_FILES.ogg) },
		]);
		expect(suvvy.requests[0].body).not.toHaveProperty('text');
		expect(received[OUTPUT.sent][0].json.attachments).toStrictEqual([
			{ file_name: 'photo.png', file_type: 'image', mime_type: 'image/png', bytes: 64 },
			{ file_name: 'voice.ogg', file_type: 'audio', mime_type: 'audio/ogg', bytes: 64 },
		]);
		expect(JSON.stringify(received[OUTPUT.sent])).not.toContain(base64Of(SAMPLE_FILES.png));
	});

	test('sends only the selected binary fields, or none', async () => {
		const suvvy = mockSuvvy();
		const files = {
			photo: { base64: base64Of(SAMPLE_FILES.jpeg), fileName: 'a.jpg', mimeType: 'image/jpeg' },
			scan: {
				base64: base64Of(SAMPLE_FILES.pdf),
				fileName: 'scan.pdf',
				mimeType: 'application/pdf',
			},
		};
		await runWorkflow({
			items: [{ json: {}, files }],
			parameters: {
				...SEND,
				chatId: 'c',
				source: 's',
				attachments: 'selected',
				binaryPropertyNames: ' photo ,',
			},
		});
		await runWorkflow({
			items: [{ json: {}, files }],
			parameters: { ...SEND, chatId: 'c', source: 's', text: 'no files', attachments: 'none' },
		});
		expect(suvvy.requests[0].body.attachments).toStrictEqual([
			{ file_name: 'a.jpg', file_type: 'image', data: base64Of(SAMPLE_FILES.jpeg) },
		]);
		expect(suvvy.requests[1].body).not.toHaveProperty('attachments');
	});
});
