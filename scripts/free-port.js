/**
 * A free 127.0.0.1 port for the bench scripts' own servers, taken from 12000–19999: below the
 * ephemeral range (32768–60999 on Linux) that port 0 draws from and every outgoing connection
 * takes its source port from, so a connection elsewhere on the machine (the server tests run beside
 * the bench in `npm test`) cannot own it between the check and the server's bind. The test harness
 * uses 20000–31999 (tests/servers/harness.ts).
 */
import { createServer } from 'node:net';

/** @param {number} port @returns {Promise<boolean>} */
function bindable(port) {
	return new Promise((resolve) => {
		const s = createServer();
		s.unref();
		s.once('error', () => resolve(false));
		s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
	});
}

/** @returns {Promise<number>} */
export async function freePort() {
	for (let tries = 0; tries < 500; tries++) {
		const port = 12_000 + Math.floor(Math.random() * 8_000);
		if (await bindable(port)) return port;
	}
	throw new Error('no free port in 12000–19999');
}
