/**
 * A stand-in MySQL server for attack tests: it sends a real protocol-10 handshake (so a client
 * gets as far as loading its authentication plugin), records which Unix user the connecting
 * client runs as (read from /proc/net/tcp, the kernel's own table, for the client's socket),
 * then hangs up. It proves which uid the audit's database client ran as, not what it printed.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';

export interface FakeMysql {
	port: number;
	/** The uid of every client that connected, in order. */
	clientUids: number[];
	close(): Promise<void>;
}

function uidOfLocalPort(port: number): number {
	for (const line of readFileSync('/proc/net/tcp', 'utf8').split('\n').slice(1)) {
		const f = line.trim().split(/\s+/);
		if (f.length < 8) continue;
		const local = f[1] ?? '';
		if (parseInt(local.split(':')[1] ?? '', 16) === port) return Number(f[7]);
	}
	return -1;
}

function handshake(): Buffer {
	const caps = 0xf7ff | (0x81bf << 16);
	const parts = [
		Buffer.from([10]),
		Buffer.from('5.5.5-10.11.6-MariaDB\0'),
		Buffer.from([1, 0, 0, 0]),
		Buffer.from('abcdefgh\0'),
		Buffer.from([caps & 0xff, (caps >> 8) & 0xff, 33, 2, 0, (caps >> 16) & 0xff, (caps >>> 24) & 0xff, 21]),
		Buffer.alloc(10),
		Buffer.from('ijklmnopqrst\0'),
		Buffer.from('mysql_native_password\0')
	];
	const body = Buffer.concat(parts);
	const head = Buffer.from([body.length & 0xff, (body.length >> 8) & 0xff, (body.length >> 16) & 0xff, 0]);
	return Buffer.concat([head, body]);
}

export function startFakeMysql(): Promise<FakeMysql> {
	const clientUids: number[] = [];
	const server: Server = createServer((sock) => {
		clientUids.push(uidOfLocalPort(sock.remotePort ?? 0));
		sock.write(handshake());
		sock.on('data', () => sock.destroy());
		sock.on('error', () => {});
		setTimeout(() => sock.destroy(), 2000).unref();
	});
	return new Promise((resolve, reject) => {
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const a = server.address();
			const port = typeof a === 'object' && a ? a.port : 0;
			resolve({ port, clientUids, close: () => new Promise((r) => server.close(() => r())) });
		});
	});
}
