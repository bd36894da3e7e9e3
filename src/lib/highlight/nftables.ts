/** nftables rulesets: keywords, `$variables` and `@sets`, strings, numbers and addresses, comments. */
import { DQ_ESC, HASH_COMMENT, NL, WS, words, type Lexer } from './lexer';

const KEYWORD = words(`table chain set map element type hook priority policy device flags elements counter accept drop reject queue continue return
	jump goto log limit rate iifname oifname iif oif ip ip6 inet arp bridge netdev tcp udp icmp icmpv6 sctp dport sport daddr saddr ct state
	status established related new invalid untracked dnat snat masquerade redirect filter nat route raw mangle prerouting input forward output
	postrouting ingress delete add insert flush define include fib local meta mark l4proto nfproto th vmap`);

export const nftables: Lexer<object> = {
	init: () => ({}),
	rules: () => [
		{ re: WS, type: null },
		{ re: NL, type: null },
		{ re: /#![^\n]*/y, type: 'meta', when: (_s, _src, pos) => pos === 0 },
		{ re: HASH_COMMENT, type: 'comment' },
		{ re: DQ_ESC, type: 'string' },
		{ re: /[$@][A-Za-z_][\w-]*/y, type: 'variable' },
		{ re: /[A-Za-z_][\w-]*/y, type: (w) => (KEYWORD(w) ? 'keyword' : null) },
		{ re: /[\d:][\w.:/-]*/y, type: (w) => (/\d/.test(w) ? 'number' : null) },
		{ re: /[{};,]|!=|==|[<>]=?|-(?=\s)/y, type: 'punct' },
		{ re: /[^\s{};,"#$@]+/y, type: null }
	]
};
