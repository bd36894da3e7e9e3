/**
 * The Linux distributions the server steps know, and what differs between them for Deskpro: the
 * PHP-FPM socket of the distribution's own PHP packages, the account PHP-FPM's default pool runs
 * as, and the package names. A wrong socket means 502 on every page, so the socket is derived
 * from the distribution the admin picks (Server environment step) and checked against it.
 * Sources: the distributions' package pages and file lists, and Red Hat's guide.
 */
export interface Distro {
	id: 'debian12' | 'ubuntu2204' | 'ubuntu2404' | 'rhel9';
	label: string;
	php: string;
	/** PHP-FPM's default pool socket, as nginx's fastcgi_pass / Apache's SetHandler name it. */
	fpmSocket: string;
	/** The account the default pool runs as (and the web server, on Debian/Ubuntu). */
	fpmUser: string;
	/** Packages: PHP-FPM, the MySQL extension and the command line (cron.php, the scripts). */
	packages: { nginx: string[]; apache: string[] };
	install: 'apt-get install' | 'dnf install';
	sources: string[];
}

export const DISTROS: readonly Distro[] = [
	{
		id: 'debian12',
		label: 'Debian 12 (bookworm)',
		php: '8.2',
		fpmSocket: 'unix:/run/php/php8.2-fpm.sock',
		fpmUser: 'www-data',
		packages: { nginx: ['nginx', 'php8.2-fpm', 'php8.2-mysql', 'php8.2-cli'], apache: ['apache2', 'php8.2-fpm', 'php8.2-mysql', 'php8.2-cli'] },
		install: 'apt-get install',
		sources: [
			'https://packages.debian.org/bookworm/php8.2-fpm',
			'https://packages.debian.org/bookworm/amd64/php8.2-fpm/filelist',
			'measured on this project’s Debian 12 test machine: /etc/php/8.2/fpm/pool.d/www.conf has listen = /run/php/php8.2-fpm.sock'
		]
	},
	{
		id: 'ubuntu2204',
		label: 'Ubuntu 22.04 LTS (jammy)',
		php: '8.1',
		fpmSocket: 'unix:/run/php/php8.1-fpm.sock',
		fpmUser: 'www-data',
		packages: { nginx: ['nginx', 'php8.1-fpm', 'php8.1-mysql', 'php8.1-cli'], apache: ['apache2', 'php8.1-fpm', 'php8.1-mysql', 'php8.1-cli'] },
		install: 'apt-get install',
		sources: ['https://packages.ubuntu.com/jammy/php8.1-fpm', 'https://packages.ubuntu.com/jammy/amd64/php8.1-fpm/filelist']
	},
	{
		id: 'ubuntu2404',
		label: 'Ubuntu 24.04 LTS (noble)',
		php: '8.3',
		fpmSocket: 'unix:/run/php/php8.3-fpm.sock',
		fpmUser: 'www-data',
		packages: { nginx: ['nginx', 'php8.3-fpm', 'php8.3-mysql', 'php8.3-cli'], apache: ['apache2', 'php8.3-fpm', 'php8.3-mysql', 'php8.3-cli'] },
		install: 'apt-get install',
		sources: ['https://packages.ubuntu.com/noble/php8.3-fpm', 'https://packages.ubuntu.com/noble/amd64/php8.3-fpm/filelist']
	},
	{
		id: 'rhel9',
		label: 'RHEL 9 family (Rocky, AlmaLinux)',
		php: '8.0 (AppStream; later versions as modules)',
		fpmSocket: 'unix:/run/php-fpm/www.sock',
		fpmUser: 'apache',
		packages: { nginx: ['nginx', 'php-fpm', 'php-mysqlnd', 'php-cli'], apache: ['httpd', 'php-fpm', 'php-mysqlnd', 'php-cli'] },
		install: 'dnf install',
		sources: [
			'https://docs.redhat.com/en/documentation/red_hat_enterprise_linux/9/html/installing_and_using_dynamic_programming_languages/assembly_using-the-php-scripting-language_installing-and-using-dynamic-programming-languages',
			'https://src.fedoraproject.org/rpms/php/blob/rawhide/f/php-fpm-www.conf (the www pool: user = apache, listen = /run/php-fpm/www.sock)'
		]
	}
];

export type DistroId = Distro['id'];
export const distro = (id: string): Distro => DISTROS.find((d) => d.id === id) ?? DISTROS[0]!;
