/**
 * A config.php laid out like Deskpro's stock one (the Deskpro download's config.php sample,
 * layn321/deskpro config.php.orginal): the same assignments in the same order, with the same
 * stock values, written for these tests (none of Deskpro's comments or text is copied):
 *   define('DP_DATABASE_HOST'|'_USER'|'_PASSWORD'|'_NAME'|DP_TECHNICAL_EMAIL)  lines 15–28
 *   $DP_CONFIG = array('debug' => array(), 'cache' => array());                line 48
 *   php_path, mysqldump_path, mysql_path                                       lines 78–114
 *   $DP_CONFIG['dir_data'] = '';                                               line 132
 *   import array                                                               line 170
 *   $DP_CONFIG['trust_proxy_data'] = false;                                    line 218
 *   disable_url_corrections, debug flags, mail debug, page cache, db_read      lines 254–372
 * The file has no closing tag, so lines appended at its end are PHP code.
 */

/** Where the stock file's `$DP_CONFIG = array(...)` line ends: the old advice put the block right after it. */
export const STOCK_ARRAY_LINE = "$DP_CONFIG = array('debug' => array(), 'cache' => array());";

export function stockConfigPhp(): string {
	return [
		'<?php',
		'// test fixture: the assignments of Deskpro\'s stock config.php, in its order',
		"define('DP_DATABASE_HOST', 'localhost');",
		"define('DP_DATABASE_USER', 'root');",
		"define('DP_DATABASE_PASSWORD', '');",
		"define('DP_DATABASE_NAME', 'deskpro');",
		"define('DP_TECHNICAL_EMAIL', '');",
		'',
		STOCK_ARRAY_LINE,
		'',
		"$DP_CONFIG['php_path'] = '';",
		"$DP_CONFIG['mysqldump_path'] = '';",
		"$DP_CONFIG['mysql_path'] = '';",
		'',
		"$DP_CONFIG['dir_data'] = '';",
		'',
		"$DP_CONFIG['import'] = array('archive' => 'auto', 'days_until_archive' => 90);",
		'',
		"$DP_CONFIG['trust_proxy_data'] = false;",
		'',
		"$DP_CONFIG['disable_url_corrections'] = false;",
		"$DP_CONFIG['debug']['enable_debug_trace'] = false;",
		"$DP_CONFIG['debug']['enable_debug_trace_keep'] = false;",
		"$DP_CONFIG['debug']['enable_usersource_log'] = false;",
		"$DP_CONFIG['debug']['mail'] = array();",
		"$DP_CONFIG['debug']['mail']['enable_mail_log'] = false;",
		"$DP_CONFIG['cache']['page_cache'] = array();",
		"$DP_CONFIG['cache']['page_cache']['enable'] = true;",
		"$DP_CONFIG['db_read'] = array();",
		"$DP_CONFIG['db_read']['host'] = '';",
		''
	].join('\n');
}

/** The block appended at the end of the stock file (the wizard's instruction). */
export const appendBlock = (stock: string, block: string) => `${stock.replace(/\n*$/, '\n')}\n${block}`;

/** The block put right after the `$DP_CONFIG = array(...)` line (the old, wrong instruction). */
export function insertAfterArrayLine(stock: string, block: string): string {
	const i = stock.indexOf(STOCK_ARRAY_LINE);
	if (i < 0) throw new Error('stock config.php has no $DP_CONFIG = array(...) line');
	const end = i + STOCK_ARRAY_LINE.length;
	return `${stock.slice(0, end)}\n${block}\n${stock.slice(end)}`;
}
