import { startEmulator, DEFAULT_TOKEN, type Emulator } from '../../dev/emulator';
import { OUTPUT_NAMES } from '../../nodes/Suvvy/actions/message/send/outputs';
import { runWorkflow } from '../support/runWorkflow';
import { ANSWER_CASES } from './badInput/answerCases';
import type { Case } from './badInput/corpusCase';
import { FIELD_CASES } from './badInput/fieldCases';
import { FILE_CASES } from './badInput/fileCases';

/**
 * The bad-input corpus: odd, empty, huge, mistyped and malicious input, and answers Suvvy's page
 * never mentions. Every case must end as a clear, routed result (or a documented success): one item
 * out, paired with its input, no crash. The emulator plays Suvvy over real loopback HTTP.
 *
 * The cases, by kind of bad input, are in ./badInput/: fields, files, and answers.
 */
const CASES: Case[] = [...FIELD_CASES, ...FILE_CASES, ...ANSWER_CASES];

let emulator: Emulator;

beforeAll(async () => {
	emulator = await startEmulator();
});
afterAll(() => emulator.close());

test('the corpus has at least 40 cases', () => {
	expect(CASES.length).toBeGreaterThanOrEqual(40);
});

describe('bad input: each case ends as one routed item, paired, without a crash', () => {
	test.each(CASES.map((entry, index) => ({ ...entry, index })))(
		'$name → $expect',
		async (entry) => {
			const chat = `corpus-${entry.index}`;
			if (entry.answer) emulator.channel.scripted.set(chat, { chat_id: chat, ...entry.answer });
			const { run, suvvyOutputs } = await runWorkflow({
				items: [{ json: { n: entry.index }, files: entry.files }],
				parameters: {
					resource: 'message',
					operation: 'send',
					chatId: chat,
					messageId: `corpus-message-${entry.index}`,
					source: 'Bad-input corpus',
					messageSender: 'customer',
					text: entry.files ? '' : 'hello',
					attachments: 'all',
					options: { retries: 0 },
					...entry.parameters,
					additionalFields: { ...entry.additionalFields },
				},
				credentials: { token: DEFAULT_TOKEN, baseUrl: emulator.url },
			});

			expect(run.status).toBe('success');
			const out = suvvyOutputs.flatMap((items, output) =>
				items.map((item) => ({ output: OUTPUT_NAMES[output], item })),
			);
			expect(out).toHaveLength(1);
			const [{ output, item }] = out;
			expect(item.pairedItem).toEqual({ item: 0 });
			expect({ output, message: item.json.message }).toMatchObject({ output: entry.expect });
			if (entry.expect !== 'Sent') {
				expect(item.json.error_code).toEqual(entry.errorCode ?? expect.any(String));
				expect(item.json.message).toEqual(expect.stringMatching(/\S/));
			}
			if (entry.foundLocally !== undefined)
				expect(item.json.found_locally).toBe(entry.foundLocally);
			const stored = emulator.channel.messages.filter(
				(message) => message.message_id === item.json.message_id,
			);
			if (entry.stored) {
				expect(stored).toHaveLength(1);
				entry.stored(stored[0]);
			}
			if (entry.expect !== 'Sent' && !entry.answer) expect(stored).toHaveLength(0);
		},
	);
});
