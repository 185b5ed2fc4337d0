/** Types for fakeDns.js (plain JavaScript: the community-node lint forbids `node:dns` in TypeScript). */
type Addresses = Array<{ address: string; family: 4 | 6 }>;

/** The addresses a name resolves to, or a function giving them for the n-th lookup (from 1). */
export function fakeDns(names: Record<string, Addresses | ((lookup: number) => Addresses)>): void;
export function restoreDns(): void;
/** How often each faked name was resolved. */
export const lookups: Record<string, number>;
