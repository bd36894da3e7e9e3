/**
 * Words about this helpdesk that zxcvbn should treat as easy to guess (its "user inputs"): the
 * helpdesk name, its domain and the admin account names entered earlier, in the forms people
 * build passwords from (whole, joined, word by word), plus the product's own names.
 */

export interface HelpdeskContext {
	helpdeskName: string;
	helpdeskUrl: string;
	/** Admin account names or e-mail addresses. */
	adminNames: readonly string[];
}

/** Always included: the name of the product and what it is. */
export const PRODUCT_WORDS = ['deskpro', 'helpdesk', 'support', 'admin', 'agent'];

const MAX_INPUTS = 200;
const MAX_WORD = 100;

function words(s: string): string[] {
	return s
		.toLowerCase()
		.split(/[^\p{L}\p{N}]+/u)
		.filter((w) => w.length >= 3);
}

/** Whole, joined and word-by-word forms of a name. */
function forms(s: string): string[] {
	const t = s.trim().toLowerCase();
	if (!t) return [];
	const ws = words(t);
	const all = ws.join('');
	return [t, all, ws.join('-'), ws.join('_'), ws.join('.'), ...ws];
}

function hostOf(url: string): string | null {
	try {
		return new URL(url.trim()).hostname.toLowerCase() || null;
	} catch {
		return null;
	}
}

function hostForms(host: string): string[] {
	const labels = host.split('.').filter(Boolean);
	const out = [host];
	if (labels.length > 1) {
		out.push(labels.slice(0, -1).join('.')); // without the top-level domain
		out.push(labels.slice(0, -1).join('')); // joined, e.g. supportexample
	}
	for (const l of labels.slice(0, -1)) if (l !== 'www') out.push(...forms(l));
	return out;
}

function accountForms(name: string): string[] {
	const t = name.trim().toLowerCase();
	if (!t) return [];
	const at = t.lastIndexOf('@');
	if (at > 0) {
		const local = t.slice(0, at);
		const domain = t.slice(at + 1);
		return [t, ...forms(local), ...hostForms(domain)];
	}
	return forms(t);
}

export function strengthUserInputs(ctx: HelpdeskContext): string[] {
	const out = new Set<string>();
	const add = (xs: string[]) => {
		for (const x of xs) if (x.length >= 3 && out.size < MAX_INPUTS) out.add(x.slice(0, MAX_WORD));
	};
	add(PRODUCT_WORDS);
	add(forms(ctx.helpdeskName));
	const host = hostOf(ctx.helpdeskUrl);
	if (host) add(hostForms(host));
	for (const n of ctx.adminNames) add(accountForms(String(n)));
	return [...out];
}
