/** SQL (MariaDB/MySQL): keywords, strings, `backtick` names, `@variables`, comments, numbers. */
import { WS, NL, words, type Lexer } from './lexer';

const KEYWORD = words(`account add after all alter and any as asc auto_increment before begin between both by cascade case change character charset
	check collate column comment commit constraint create cross current_user database databases declare default definer delete desc describe
	distinct drop each else end engine event exists expire explain false file flush for foreign from full function grant grants group having
	identified if ignore in index inner insert interval into invoker is join key keys left like limit lock modify none not null on option or
	order outer password primary privileges procedure process references reload rename replace require revoke role rollback routine schema
	select set show shutdown sql ssl start super table tables temporary then to transaction trigger true truncate union unique unlock update
	usage use user using values view when where with x509 execute replication slave client binlog`);

export const sql: Lexer<object> = {
	init: () => ({}),
	rules: () => [
		{ re: WS, type: null },
		{ re: NL, type: null },
		{ re: /(?:--|#)[^\n]*/y, type: 'comment' },
		{ re: /\/\*[\s\S]*?(?:\*\/|$)/y, type: 'comment' },
		{ re: /'(?:[^'\\]|\\[\s\S]?|'')*(?:'|$)/y, type: 'string' },
		{ re: /"(?:[^"\\]|\\[\s\S]?|"")*(?:"|$)/y, type: 'string' },
		{ re: /`(?:[^`]|``)*(?:`|$)/y, type: 'variable' },
		{ re: /@@?[\w.$]+/y, type: 'variable' },
		{ re: /[A-Za-z_][\w$]*/y, type: (w) => (KEYWORD(w) ? 'keyword' : null) },
		{ re: /0[xX][\da-fA-F]+|\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y, type: 'number' },
		{ re: /(?:[(),;.*=<>!+%|&^~:@]|-(?!-)|\/(?!\*))+/y, type: 'punct' }
	]
};
