'use strict';
/**
 * The node in n8n's editor, as a user sees it: Debian's Chromium, driven by playwright-core, logs in,
 * opens the example workflow and the Suvvy node. Screenshots land in test/artifacts for README.
 */
const { mkdirSync } = require('node:fs');
const path = require('node:path');

const { chromium } = require('playwright-core');

const { IS_N8N_1 } = require('../../dev/harness/realN8n');
const { OUTPUTS } = require('../../dev/harness/workflowRuns');
const { useStack } = require('./e2eStack');

// One folder per n8n line, so the 1.x run does not overwrite the screenshots README takes from 2.x.
const ARTIFACTS = path.resolve(__dirname, '../artifacts', IS_N8N_1 ? 'n8n-1' : '');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Without the background-networking switches Chromium keeps dialling Google, which this machine refuses.
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

describe('the Suvvy node in the n8n editor (Chromium)', () => {
	const stack = useStack();
	let browser;
	let page;

	beforeAll(async () => {
		mkdirSync(ARTIFACTS, { recursive: true });
		browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
		page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
	}, 60_000);
	afterAll(async () => {
		if (browser) await browser.close();
	});

	test('logs in with the owner account', async () => {
		await page.goto(`${stack.n8n.url}/signin`);
		await page.fill('input[name="emailOrLdapLoginId"]', stack.owner.email);
		await page.fill('input[name="password"]', stack.owner.password);
		await page.click('[data-test-id="form-submit-button"]');
		await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
	});

	test('shows the Suvvy node on the canvas with its seven named outputs', async () => {
		await page.goto(`${stack.n8n.url}/workflow/${stack.workflows['webhook-to-suvvy'].id}`);
		await page.waitForSelector('[data-test-id="canvas-node"]');
		const node = page.locator('[data-test-id="canvas-node"][data-node-name="Suvvy"]');
		await expect(node.count()).resolves.toBe(1);
		const handles = node.locator('[data-test-id="canvas-node-output-handle"]');
		await expect(handles.count()).resolves.toBe(OUTPUTS.length);
		const labels = await handles.evaluateAll((elements) => elements.map((element) => element.textContent.trim()));
		expect(labels).toEqual(OUTPUTS);
		const checklist = page.locator('text=Production Checklist');
		if (await checklist.count()) await page.keyboard.press('Escape');
		await page.screenshot({ path: path.join(ARTIFACTS, 'editor-canvas.png') });
	});

	test('opens the node and shows every Send Message parameter', async () => {
		await page.locator('[data-test-id="canvas-node"][data-node-name="Suvvy"]').dblclick();
		await page.waitForSelector('[data-test-id="ndv"]');
		const shown = await page
			.locator('[data-test-id="ndv"] [data-test-id^="parameter-input-"]')
			.evaluateAll((elements) => elements.map((element) => element.getAttribute('data-test-id').replace('parameter-input-', '')));
		expect(shown).toEqual(
			expect.arrayContaining(['resource', 'operation', 'chatId', 'messageId', 'source', 'messageSender', 'text', 'attachments', 'errorHandling']),
		);
		const ndvText = await page.locator('[data-test-id="ndv"]').innerText();
		for (const label of ['Credential', 'Chat ID', 'Message ID', 'Source', 'Sender', 'Text', 'Attachments', 'Additional Fields', 'Error Handling']) {
			expect(ndvText).toContain(label);
		}
		const inputValues = await page.locator('[data-test-id="ndv"] input').evaluateAll((inputs) => inputs.map((input) => input.value));
		expect(inputValues).toContain('Suvvy account');
		await page.screenshot({ path: path.join(ARTIFACTS, 'editor-node.png') });
	});
});
