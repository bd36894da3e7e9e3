/**
 * The config.php line that points Deskpro at its data directory, on its own: config.php's lines
 * (`config-php.ts`), the Linux move script (`move-data.ts`) and the IIS script (`iis.ts`) write
 * it, and a step that shows only the move script does not load the config.php generator.
 */
import { phpString } from './escape';

/** The config.php line that points Deskpro at its data directory. */
export function dirDataLine(path: string): string {
	return `$DP_CONFIG['dir_data'] = ${phpString(path)};`;
}
