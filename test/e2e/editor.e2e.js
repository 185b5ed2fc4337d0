'use strict';
/**
 * The node in n8n's editor, as a user sees it: Debian's Chromium, driven by playwright-core, logs in,
 * opens the example workflow and the Suvvy node. Screenshots land in test/artifacts for README.
 */
const { mkdirSync } = require('node:fs');
const path = require('node:path');

const { chromium } = require('playwright-core');

const { chromiumPath } = require('../../dev/harness/prerequisites');
const { IS_N8N_1, N8N_VERSION } = require('../../dev/harness/realN8n');
const { BATCH } = require('../../dev/harness/scenarios');
const { OUTPUTS, playBatch } = require('../../dev/harness/workflowRuns');
const { useStack } = require('./e2eStack');

// One folder per n8n line, so the 1.x run does not overwrite the screenshots README takes from 2.x.
const ARTIFACTS = path.resolve(__dirname, '../artifacts', IS_N8N_1 ? `n8n-${N8N_VERSION}` : '');
// The browser the e2e tier's prerequisite check found: CHROMIUM_PATH, else the chromium on the PATH.
const CHROMIUM = chromiumPath();
// Without the background-networking switches Chromium keeps dialling Google, which this machine refuses.
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * The output labels of a node's handles, and those of them whose text is wider than the room the
 * canvas gives them (it then shows an ellipsis).
 */
function outputLabels(handles) {
	return handles.evaluateAll((elements) => {
		const labels = elements.flatMap((element) =>
			[...element.querySelectorAll('*')].filter((child) => child.children.length === 0 && child.textContent.trim() && !/^\d+ items?$/.test(child.textContent.trim())),
		);
		return {
			texts: labels.map((label) => label.textContent.trim()),
			truncated: labels.filter((label) => label.scrollWidth > label.clientWidth).map((label) => label.textContent.trim()),
		};
	});
}

/** Where the texts a run draws on the canvas are: "N items" counts (on edges or beside handles) and the given output labels. */
function runLabelBoxes(root, outputNames) {
	return root.evaluate((body, names) => {
		const visible = (element) => {
			const rect = element.getBoundingClientRect();
			const style = getComputedStyle(element);
			return rect.width > 0 && rect.height > 0 && style.visibility !== 'hidden' && Number(style.opacity) > 0;
		};
		const box = (element) => {
			const { left, top, right, bottom } = element.getBoundingClientRect();
			return { text: element.textContent.trim(), left, top, right, bottom };
		};
		const leaves = [...body.querySelectorAll('*')].filter((element) => element.children.length === 0 && visible(element));
		const suvvy = body.querySelector('[data-test-id="canvas-node"][data-node-name="Suvvy"]');
		return {
			counts: leaves.filter((element) => /^\d+ items?$/.test(element.textContent.trim())).map(box),
			outputs: [...suvvy.querySelectorAll('[data-test-id="canvas-node-output-handle"] *')]
				.filter((element) => element.children.length === 0 && visible(element) && names.includes(element.textContent.trim()))
				.map(box),
		};
	}, outputNames);
}

const overlap = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/**
 * A node on the canvas. n8n before its new canvas (1.49, say) marks nodes with `data-name` and draws
 * output labels as overlays outside the node; the new canvas uses `data-node-name` and handles.
 */
const canvasNode = (name) => `[data-test-id="canvas-node"][data-node-name="${name}"], [data-test-id="canvas-node"][data-name="${name}"]`;
const onLegacyCanvas = async (page) => (await page.locator('[data-test-id="canvas-node"][data-name]').count()) > 0;

async function closeChecklist(page) {
	const checklist = page.locator('text=Production Checklist');
	if (await checklist.count()) await page.keyboard.press('Escape');
}

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
		// n8n before 1.5x names the field `email`.
		await page.fill('input[name="emailOrLdapLoginId"], input[name="email"]', stack.owner.email);
		await page.fill('input[name="password"]', stack.owner.password);
		await page.click('[data-test-id="form-submit-button"]');
		await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
	});

	test('shows the Suvvy node on the canvas with its seven named outputs', async () => {
		await page.goto(`${stack.n8n.url}/workflow/${stack.workflows['webhook-to-suvvy'].id}`);
		await page.waitForSelector('[data-test-id="canvas-node"]');
		const node = page.locator(canvasNode('Suvvy'));
		await expect(node.count()).resolves.toBe(1);
		if (await onLegacyCanvas(page)) {
			// The labels drawn beside the node's right edge, top to bottom. That canvas gives a label a
			// fixed width, so "Validation Error" shows cut off there (README, Compatibility).
			const box = await node.boundingBox();
			const labels = await page.locator('.node-output-endpoint-label').evaluateAll(
				(elements, { right, top, bottom }) =>
					elements
						.map((element) => ({ rect: element.getBoundingClientRect(), text: element.textContent.trim() }))
						.filter(({ rect }) => Math.abs(rect.left - right) < 40 && rect.top >= top && rect.bottom <= bottom)
						.sort((a, b) => a.rect.top - b.rect.top)
						.map(({ text }) => text),
				{ right: box.x + box.width, top: box.y, bottom: box.y + box.height },
			);
			expect(labels).toEqual(OUTPUTS);
			await page.screenshot({ path: path.join(ARTIFACTS, 'editor-canvas.png') });
			return;
		}
		const handles = node.locator('[data-test-id="canvas-node-output-handle"]');
		await expect(handles.count()).resolves.toBe(OUTPUTS.length);
		// Read whole at the default zoom: all seven labels, none cut off with an ellipsis.
		const { texts, truncated } = await outputLabels(handles);
		expect(texts).toEqual(OUTPUTS);
		expect(truncated).toEqual([]);
		await closeChecklist(page);
		await page.screenshot({ path: path.join(ARTIFACTS, 'editor-canvas.png') });
	});

	test('opens the node and shows every Send Message parameter', async () => {
		await page.locator(canvasNode('Suvvy')).dblclick();
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

	test('before the Suvvy node has ever run, the node after it shows the fields it will output', async () => {
		await page.goto(`${stack.n8n.url}/workflow/${stack.workflows['webhook-to-suvvy'].id}`);
		await page.waitForSelector('[data-test-id="canvas-node"]');
		await closeChecklist(page);
		await page.locator('[data-test-id="canvas-node"][data-node-name="On Sent"]').dblclick();
		const input = page.locator('[data-test-id="ndv-input-panel"]');
		await input.getByText('message_id').first().waitFor();
		const text = await input.innerText();
		expect(text).toMatch(/Usually outputs the following fields/);
		for (const field of ['message_id', 'chat_id', 'status', 'attempts']) expect(text).toContain(field);
		await page.screenshot({ path: path.join(ARTIFACTS, 'editor-schema-preview.png') });
		await page.keyboard.press('Escape');
	});

	test('the agent example has the Suvvy node as its tool, with a description written for the model', async () => {
		await page.goto(`${stack.n8n.url}/workflow/${stack.workflows['ai-agent-to-suvvy'].id}`);
		await page.waitForSelector('[data-test-id="canvas-node"]');
		await closeChecklist(page);
		await expect(page.locator('[data-test-id="canvas-node"][data-node-name="Hand over to Suvvy"]').count()).resolves.toBe(1);
		await page.screenshot({ path: path.join(ARTIFACTS, 'editor-agent.png') });
		await page.locator('[data-test-id="canvas-node"][data-node-name="Hand over to Suvvy"]').dblclick();
		await page.waitForSelector('[data-test-id="ndv"]');
		const ndv = await page.locator('[data-test-id="ndv"]').innerText();
		expect(ndv).toContain('Tool Description');
		expect(ndv).toContain('Chat ID');
		await page.screenshot({ path: path.join(ARTIFACTS, 'editor-agent-tool.png') });
		await page.keyboard.press('Escape');
	});

	test('a run shows its item counts on the edges, clear of the output labels', async () => {
		const { execution } = await playBatch(stack, BATCH);
		await page.goto(`${stack.n8n.url}/workflow/${stack.workflows['batch-to-suvvy'].id}/executions/${execution.id}`);
		// n8n 1.x shows a past run's canvas in a preview frame.
		const canvas = IS_N8N_1 ? page.frameLocator('iframe') : page;
		const node = canvas.locator('[data-test-id="canvas-node"][data-node-name="Suvvy"]');
		await node.waitFor();
		await closeChecklist(page);
		const { texts, truncated } = await outputLabels(node.locator('[data-test-id="canvas-node-output-handle"]'));
		expect(texts).toEqual(OUTPUTS);
		expect(truncated).toEqual([]);
		// The run's counts: on the edge into the node and on the three outputs the batch left by.
		await canvas.locator('[data-test-id="edge-label"]', { hasText: /^\d+ items?$/ }).first().waitFor();
		const { counts, outputs } = await runLabelBoxes(canvas.locator('body'), OUTPUTS);
		expect(outputs.map((label) => label.text)).toEqual(OUTPUTS);
		expect(counts.map((count) => count.text)).toEqual(expect.arrayContaining(['4 items', '2 items', '1 item', '1 item']));
		const overlapping = counts.flatMap((count) => outputs.filter((label) => overlap(count, label)).map((label) => `"${count.text}" over "${label.text}"`));
		expect(overlapping).toEqual([]);
		await page.screenshot({ path: path.join(ARTIFACTS, 'editor-execution.png') });
		if (IS_N8N_1) return;
		// The node's output panel names each output (n8n scrolls its tab bar when they do not all fit).
		await node.dblclick();
		const output = page.locator('[data-test-id="output-panel"]');
		await output.waitFor();
		const panelText = await output.innerText();
		for (const name of ['Sent', 'Validation Error', 'Other Error']) expect(panelText).toContain(name);
		await page.screenshot({ path: path.join(ARTIFACTS, 'editor-execution-node.png') });
		await page.keyboard.press('Escape');
	});

	// n8n 1.x lists community nodes by name only, without their description.
	test('searching "Suvvy" in the nodes panel shows one entry, described for the node and its trigger', async () => {
		await page.goto(`${stack.n8n.url}/workflow/${stack.workflows['webhook-to-suvvy'].id}`);
		await page.waitForSelector('[data-test-id="canvas-node"]');
		await closeChecklist(page);
		await page.click('[data-test-id="node-creator-plus-button"]');
		await page.fill('[data-test-id="node-creator-search-bar"] input, input[data-test-id="node-creator-search-bar"]', 'Suvvy');
		const entry = page.locator('[data-test-id="item-iterator-item"]', { hasText: 'Suvvy' });
		await entry.first().waitFor();
		await expect(entry.count()).resolves.toBe(1);
		if (!IS_N8N_1) {
			await expect(entry.innerText()).resolves.toMatch(/send messages into a custom channel and start workflows on its replies/);
		}
		await page.screenshot({ path: path.join(ARTIFACTS, 'editor-search.png') });
	});

	// Before n8n 1.49 both themes get the light icon (compat/themedIcon.ts).
	test("in n8n's dark theme the Suvvy node and its tool show the dark icon, in the light theme the light one", async () => {
		const shown = {};
		const iconOf = async (workflow, nodeName) => {
			await page.goto(`${stack.n8n.url}/workflow/${stack.workflows[workflow].id}`);
			await page.waitForSelector('[data-test-id="canvas-node"]');
			return page.locator(canvasNode(nodeName)).locator('img').getAttribute('src');
		};
		for (const theme of ['dark', 'light']) {
			await page.evaluate((chosen) => localStorage.setItem('N8N_THEME', chosen), theme);
			shown[theme] = { node: await iconOf('webhook-to-suvvy', 'Suvvy'), tool: await iconOf('ai-agent-to-suvvy', 'Hand over to Suvvy') };
			if (theme === 'dark') await page.screenshot({ path: path.join(ARTIFACTS, 'editor-agent-dark.png') });
		}
		const icon = (file) => expect.stringMatching(new RegExp(`/icons/n8n-nodes-suvvy/dist/nodes/Suvvy/${file.replaceAll('.', '\\.')}$`));
		expect(shown).toEqual({
			dark: { node: icon('suvvy.dark.svg'), tool: icon('suvvy.dark.svg') },
			light: { node: icon('suvvy.svg'), tool: icon('suvvy.svg') },
		});
	});
});
