/**
 * The values Suvvy's request body allows for its enumerated fields, in the order Suvvy's page lists
 * them, with the names the node shows. The node's options and its checks both derive from these.
 */

export const MESSAGE_SENDERS = [
	{ value: 'customer', name: 'Customer', description: 'The client wrote it; Suvvy answers it' },
	{
		value: 'employee',
		name: 'Employee',
		description: "An operator wrote it from your system; Suvvy's bot pauses in this dialogue",
	},
];

/** The icon of the link button in Suvvy's dashboard, and its caption when no hint is given. */
export const LINK_TYPES = [
	{ value: 'user', name: 'User', caption: 'Account' },
	{ value: 'chat', name: 'Chat', caption: 'Chat' },
	{ value: 'phone', name: 'Phone', caption: 'Phone' },
	{ value: 'lead', name: 'Lead', caption: 'Lead' },
	{ value: 'other', name: 'Other', caption: 'Link' },
];

export const valuesOf = (options: ReadonlyArray<{ value: string }>): string[] =>
	options.map((option) => option.value);
