/** XML (IIS web.config): tags, attribute names and values, comments, `<?xml ?>`, CDATA, entities. */
import type { Lexer } from './lexer';

interface S {
	inTag: boolean;
}

export const xml: Lexer<S> = {
	init: () => ({ inTag: false }),
	rules: (s) =>
		s.inTag
			? [
					{ re: /\s+/y, type: null },
					{ re: /\/?>/y, type: 'tag', then: (st) => (st.inTag = false) },
					{ re: /[A-Za-z_:][\w:.-]*/y, type: 'attr' },
					{ re: /=/y, type: 'punct' },
					{ re: /"[^"]*(?:"|$)/y, type: 'string' },
					{ re: /'[^']*(?:'|$)/y, type: 'string' },
					{ re: /</y, type: 'tag', then: (st) => (st.inTag = false) }
				]
			: [
					{ re: /[^<&]+/y, type: null },
					{ re: /<!--[\s\S]*?(?:-->|$)/y, type: 'comment' },
					{ re: /<!\[CDATA\[[\s\S]*?(?:\]\]>|$)/y, type: 'string' },
					{ re: /<\?[\s\S]*?(?:\?>|$)/y, type: 'meta' },
					{ re: /<![^>]*>?/y, type: 'meta' },
					{ re: /<\/?[A-Za-z_:][\w:.-]*/y, type: 'tag', then: (st) => (st.inTag = true) },
					{ re: /&(?:#x?[\da-fA-F]+|\w+);?/y, type: 'variable' }
				]
};
