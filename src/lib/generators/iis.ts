/**
 * Windows / IIS outputs for Deskpro Download: the site's web.config, the IIS setup script (unlock
 * ipSecurity, anonymous requests as the application-pool identity), a PowerShell script that
 * moves data/ out of the web root and sets NTFS permissions with icacls, and the PowerShell
 * post-check. Pure; values go through `xmlText`, `regexLiteral` and `psQuote`.
 *
 * Every route, rewrite and private path comes from `$lib/deskpro/surface` (sourced from Deskpro's
 * own web.config and the rest of the download). Proof available on Linux CI: web.config is
 * well-formed XML (xmllint) whatever the input, and every element and attribute it uses is in
 * IIS's documented configuration reference (tests/fixtures/iis-schema.ts); the behaviour on a real
 * IIS is NOT tested here (no IIS on the test machines), which the wizard says next to the file.
 */
import type { ServerEnv } from '$lib/practices/_server-env';
import { parseIpOrCidr, helpdeskBaseUrl } from '$lib/validate/net';
import { psQuote, regexLiteral, xmlText } from './escape';
import { dirDataLine } from './dir-data';
import { ENTRY_POINTS, EXACT_REWRITES, IIS_SHIPPED_REFUSALS, PRIVATE_PATHS, STAFF_PREFIXES, STATIC_DIR } from '$lib/deskpro/surface';
import { DENIED_PATHS, PHP_EXT_RE, STAFF_CHECK_PATHS } from './web-surface';
import { ANONYMOUS_SECTION, IP_SECURITY_SECTION, UNLOCK_IP_SECURITY_CMD } from './iis-names';

/** An IPv4 CIDR as IIS wants it: network address and dotted mask; IPv6 with a prefix length. */
function ipSecurityEntry(cidr: string): string {
	const r = parseIpOrCidr(cidr);
	if (typeof r === 'string') throw new Error(r);
	const [addr] = r.canonical.split('/');
	if (r.family === 'ipv4') {
		const mask = r.prefix === 0 ? 0 : (0xffffffff << (32 - r.prefix)) >>> 0;
		const dotted = [24, 16, 8, 0].map((s) => (mask >>> s) & 255).join('.');
		return `<add ipAddress="${xmlText(addr!)}" subnetMask="${dotted}" allowed="true" />`;
	}
	return `<add ipAddress="${xmlText(addr!)}" subnetMask="${r.prefix}" allowed="true" />`;
}

const alt = (xs: readonly string[]) => `(?:${xs.map(regexLiteral).join('|')})`;

/**
 * Hidden segments: exactly the names Deskpro's own web.config hides (IIS answers 404.8 for that
 * name in any position of the URL, so no name a Deskpro route uses may be here: not plugins).
 */
export const IIS_HIDDEN_SEGMENTS: readonly string[] = IIS_SHIPPED_REFUSALS.hiddenSegments;
/** Extensions refused by request filtering (404.7): Deskpro's own .bat rule (schedule.bat). */
export const IIS_DENIED_EXTENSIONS: readonly string[] = IIS_SHIPPED_REFUSALS.deniedExtensions;
/** IIS's own default hidden segments (applicationHost.config) that matter here. */
const IIS_DEFAULT_HIDDEN = ['web.config'];

/** Private paths no hidden segment or extension covers: refused by a rewrite rule anchored at the web root (403). */
export const IIS_RULE_PRIVATE: readonly string[] = PRIVATE_PATHS.map((p) => p.name).filter(
	(n) =>
		!IIS_HIDDEN_SEGMENTS.includes(n) &&
		!IIS_DEFAULT_HIDDEN.includes(n) &&
		!IIS_DENIED_EXTENSIONS.some((e) => n.toLowerCase().endsWith(e))
);

/**
 * The status IIS answers with the generated web.config for a refused path: 404 when request
 * filtering refuses it (a hidden segment anywhere in the path, or a denied extension), 403 for
 * the rewrite rules (dot-files, the other private paths, other PHP files).
 */
export function iisRefusalStatus(path: string): 403 | 404 {
	const segs = path.split('/').filter(Boolean).map((s) => s.toLowerCase());
	if (segs.some((s) => IIS_HIDDEN_SEGMENTS.includes(s) || IIS_DEFAULT_HIDDEN.includes(s))) return 404;
	if (segs.length && IIS_DENIED_EXTENSIONS.some((e) => segs[segs.length - 1]!.endsWith(e))) return 404;
	return 403;
}

/**
 * Where each staff interface is limited with ipSecurity: the clean path and the same behind each
 * public entry point's PATH_INFO (`index.php/agent`, `dp.php/agent`, …), every spelling of
 * `staffSpellings` in the surface module. IIS matches location paths case-insensitively.
 */
export const IIS_STAFF_LOCATIONS: readonly string[] = STAFF_PREFIXES.flatMap((p) => [p, ...ENTRY_POINTS.map((e) => `${e.file}/${p}`)]);

const ENTRY_FILES = ENTRY_POINTS.map((e) => e.file);

export function iisWebConfig(env: ServerEnv): string {
	// Behind a proxy IIS cannot tell a trusted proxy from a client that forges X-Forwarded-For
	// (ipSecurity's proxy mode trusts the header from anyone), so only the proxies are allowed
	// here and the network restriction belongs on the proxy.
	const allowed = env.proxies.length ? env.proxies : env.allowed;
	const ipSecurity = (path: string) => [
		`  <location path="${xmlText(path)}">`,
		'    <system.webServer>',
		'      <security>',
		'        <ipSecurity allowUnlisted="false" denyAction="Forbidden">',
		...allowed.map((c) => `          ${ipSecurityEntry(c)}`),
		'        </ipSecurity>',
		'      </security>',
		'    </system.webServer>',
		'  </location>'
	];
	const rule = (name: string, pattern: string, action: string[], extra: string[] = []) => [
		`        <rule name="${xmlText(name)}" stopProcessing="true">`,
		`          <match url="${xmlText(pattern)}" ignoreCase="true" />`,
		...extra,
		...action.map((a) => `          ${a}`),
		'        </rule>'
	];
	const deny = ['<action type="CustomResponse" statusCode="403" statusReason="Forbidden" statusDescription="Forbidden" />'];
	const none = ['<action type="None" />'];
	const rewrite = (url: string, query: string | null) =>
		query === null ? [`<action type="Rewrite" url="${xmlText(url)}" />`] : [`<action type="Rewrite" url="${xmlText(`${url}?${query}`)}" appendQueryString="false" />`];
	return [
		'<?xml version="1.0" encoding="UTF-8"?>',
		'<!-- Deskpro Download on IIS: web.config generated by the Deskpro Hardening Wizard.',
		'     Routes, rewrites and private paths follow Deskpro\'s own web.config (see the wizard\'s sources).',
		'     Needs the IIS URL Rewrite module and the IP and Domain Restrictions feature.',
		'     Run deskpro-iis-setup.ps1 first: ipSecurity is locked at server level by default (500.19 until unlocked),',
		'     and anonymous requests must run as the application-pool identity (IUSR has no read access: 401.3).',
		'     Replace the web.config in the install directory with this file. -->',
		'<configuration>',
		'  <system.webServer>',
		'    <directoryBrowse enabled="false" />',
		'    <security>',
		'      <!-- removeServerHeader: IIS 10.0 and later only (Windows Server 2016 and later). On IIS 8.5 or older',
		'           delete that attribute, or IIS answers 500.19 for every page. -->',
		'      <requestFiltering allowDoubleEscaping="false" removeServerHeader="true">',
		'        <fileExtensions allowUnlisted="true">',
		...IIS_DENIED_EXTENSIONS.map((e) => `          <add fileExtension="${xmlText(e)}" allowed="false" />`),
		'        </fileExtensions>',
		'        <!-- A hidden segment answers 404 wherever the name appears in the URL: only Deskpro\'s own list. -->',
		'        <hiddenSegments applyToWebDAV="true">',
		...IIS_HIDDEN_SEGMENTS.map((s) => `          <add segment="${xmlText(s)}" />`),
		'        </hiddenSegments>',
		'      </requestFiltering>',
		'    </security>',
		'    <httpProtocol>',
		'      <customHeaders>',
		'        <remove name="X-Powered-By" />',
		'        <add name="Strict-Transport-Security" value="max-age=31536000" />',
		'        <add name="X-Content-Type-Options" value="nosniff" />',
		'      </customHeaders>',
		'    </httpProtocol>',
		'    <rewrite>',
		'      <rules>',
		...rule('Deskpro: no dot-files', '(?:^|/)\\.', deny),
		...rule('Deskpro: private paths', `^${alt(IIS_RULE_PRIVATE)}(?:/|$)`, deny),
		...rule('Deskpro: no other PHP file', `${PHP_EXT_RE}(?:/|$)`, deny, [
			'          <conditions>',
			`            <add input="{URL}" pattern="${xmlText(`^/${alt(ENTRY_FILES)}(?:/|$)`)}" negate="true" />`,
			'          </conditions>'
		]),
		...rule('Deskpro: entry points', `^${alt(ENTRY_FILES)}(?:/.*)?$`, none),
		...rule('Deskpro: static files', `^${regexLiteral(STATIC_DIR)}/`, none),
		...EXACT_REWRITES.flatMap((r) => rule(`Deskpro: ${r.id}`, `^${regexLiteral(r.path.slice(1))}$`, rewrite(r.script, r.query))),
		...rule('Deskpro: front controller', '.*', ['<action type="Rewrite" url="index.php" />'], [
			'          <conditions>',
			'            <add input="{REQUEST_FILENAME}" matchType="IsFile" negate="true" />',
			'          </conditions>'
		]),
		'      </rules>',
		'    </rewrite>',
		'  </system.webServer>',
		`  <!-- Staff interfaces (${STAFF_PREFIXES.map((p) => `/${p}/`).join(' ')}), clean and behind each entry point:`,
		`       only from ${env.proxies.length ? 'the reverse proxies (restrict the networks on the proxy)' : 'the allowed networks'}. IIS answers 403 to everyone else. -->`,
		...IIS_STAFF_LOCATIONS.flatMap(ipSecurity),
		'</configuration>',
		''
	].join('\n');
}

/** appcmd.exe, as PowerShell runs it. */
const APPCMD = '"$env:windir\\system32\\inetsrv\\appcmd.exe"';
/**
 * PowerShell (elevated): what web.config needs from the server level. (1) ipSecurity is locked
 * at server level (overrideModeDefault Deny), so a web.config with <ipSecurity> answers 500.19
 * until the section is unlocked. (2) Anonymous requests run as IUSR by default; the permissions
 * script removes Users/Everyone and gives read only to the application-pool identity, so IUSR
 * could read nothing (401.3 on every page): anonymous requests are set to run as the pool
 * identity (userName empty), written for this site in applicationHost.config (the
 * anonymousAuthentication section is locked too, so it is not in web.config).
 */
export function iisSetupScript(env: ServerEnv): string {
	return [
		'#Requires -RunAsAdministrator',
		'# Deskpro Download on IIS: server-level settings the web.config needs, generated by the Deskpro Hardening Wizard.',
		'#   powershell -ExecutionPolicy Bypass -File deskpro-iis-setup.ps1 -DryRun   # show what would change',
		'#   powershell -ExecutionPolicy Bypass -File deskpro-iis-setup.ps1           # apply (safe to run again)',
		'param([switch]$DryRun)',
		"$ErrorActionPreference = 'Stop'",
		'Import-Module WebAdministration',
		'',
		`$Site = ${psQuote(env.iisSiteName)}`,
		`$Appcmd = ${APPCMD}`,
		`$IpSecuritySection = ${psQuote(IP_SECURITY_SECTION)}`,
		`$AnonymousSection = ${psQuote(ANONYMOUS_SECTION)}`,
		'if (-not (Get-Website -Name $Site)) { throw "IIS has no site named $Site" }',
		'',
		'# 1. ipSecurity is locked at server level by default: a web.config that sets it answers 500.19 until it is unlocked.',
		`#    Same as (cmd.exe): ${UNLOCK_IP_SECURITY_CMD}`,
		'if ($DryRun) { Write-Host "would run: $Appcmd unlock config -section:$IpSecuritySection" }',
		'else {',
		"    & $Appcmd unlock config ('-section:' + $IpSecuritySection)",
		'    if ($LASTEXITCODE -ne 0) { throw "appcmd unlock failed with exit code $LASTEXITCODE" }',
		'}',
		'',
		'# 2. Anonymous requests run as the application-pool identity (userName empty) instead of IUSR, which has no read access',
		'#    once Users and Everyone are removed (401.3 on every page). Written for this site in applicationHost.config.',
		'if ($DryRun) { Write-Host "would set $AnonymousSection userName to empty (application-pool identity) for site $Site" }',
		'else {',
		"    Set-WebConfigurationProperty -PSPath 'MACHINE/WEBROOT/APPHOST' -Location $Site -Filter $AnonymousSection -Name 'userName' -Value ''",
		"    Set-WebConfigurationProperty -PSPath 'MACHINE/WEBROOT/APPHOST' -Location $Site -Filter $AnonymousSection -Name 'password' -Value ''",
		'}',
		"$user = (Get-WebConfigurationProperty -PSPath 'MACHINE/WEBROOT/APPHOST' -Location $Site -Filter $AnonymousSection -Name 'userName').Value",
		'if ($user -ne \'\') { Write-Host "NOTE: anonymous requests of $Site still run as $user" } else { Write-Host "anonymous requests of $Site run as the application-pool identity" }',
		'if ($DryRun) { Write-Host "(dry run: nothing was changed)" }',
		''
	].join('\r\n');
}

/**
 * PowerShell post-check for IIS: requests every private path and (with -Outside) every staff
 * spelling, never following a redirect, and compares with what IIS answers for the generated
 * web.config: 404 for a hidden segment or denied extension, 403 for the rewrite rules and for
 * ipSecurity denials.
 */
export function iisPostChecksScript(helpdeskUrl: string): string {
	const base = helpdeskBaseUrl(helpdeskUrl);
	const denied = [...DENIED_PATHS, '/data/files/', '/data/logs/'];
	return [
		'# Deskpro Download on IIS: checks to run after applying the configuration, generated by the Deskpro Hardening Wizard.',
		'#   powershell -ExecutionPolicy Bypass -File deskpro-checks.ps1            # from an allowed network',
		'#   powershell -ExecutionPolicy Bypass -File deskpro-checks.ps1 -Outside   # from OUTSIDE the allowed networks: staff interfaces must answer 403 too',
		'# IIS answers 404 where request filtering refuses (hidden segments, the .bat extension) and 403 for rewrite rules and ipSecurity.',
		'param([switch]$Outside)',
		"$ErrorActionPreference = 'Stop'",
		`$BaseUrl = ${psQuote(base)}`,
		'$failures = 0',
		'function Test-Status([string]$Path, [int]$Want) {',
		'    $got = "no answer"',
		'    try {',
		'        $r = Invoke-WebRequest -Uri ($BaseUrl + $Path) -UseBasicParsing -MaximumRedirection 0 -TimeoutSec 15 -ErrorAction Stop',
		'        $got = [int]$r.StatusCode',
		'    } catch {',
		'        if ($_.Exception.Response) { $got = [int]$_.Exception.Response.StatusCode }',
		'    }',
		'    if ($got -eq $Want) { Write-Host ("OK    {0} {1}" -f $got, $Path) }',
		'    else { Write-Host ("FAIL  {0} {1} (expected {2})" -f $got, $Path, $Want); $script:failures++ }',
		'}',
		'',
		...denied.map((p) => `Test-Status ${psQuote(p)} ${iisRefusalStatus(p)}`),
		'if ($Outside) {',
		...STAFF_CHECK_PATHS.map((p) => `    Test-Status ${psQuote(p)} 403`),
		'}',
		'',
		'# No version in the Server header (removeServerHeader, IIS 10.0 and later)',
		'try { $h = (Invoke-WebRequest -Uri ($BaseUrl + \'/\') -UseBasicParsing -MaximumRedirection 0 -TimeoutSec 15 -ErrorAction Stop).Headers } catch { $h = if ($_.Exception.Response) { $_.Exception.Response.Headers } else { @{} } }',
		"$server = [string]$h['Server']",
		"if ($server -match '/[0-9]') { Write-Host \"FAIL  the Server header shows a version: $server\"; $failures++ } else { Write-Host 'OK    no version in the Server header' }",
		'',
		'if ($failures -gt 0) { Write-Host "$failures check(s) failed"; exit 1 }',
		'Write-Host "all checks passed"',
		''
	].join('\r\n');
}

/** PowerShell: move data/ out of the web root and set NTFS permissions with icacls. */
export function windowsPermissionsScript(env: ServerEnv): string {
	return [
		'#Requires -RunAsAdministrator',
		'# Deskpro Download on Windows: data directory and NTFS permissions, generated by the Deskpro Hardening Wizard.',
		'#   powershell -ExecutionPolicy Bypass -File deskpro-permissions.ps1 -DryRun   # show what would change',
		'#   powershell -ExecutionPolicy Bypass -File deskpro-permissions.ps1           # apply (safe to run again)',
		'# App files: Administrators and SYSTEM full control; the application pool and the cron account read only.',
		'# Data directory: the application pool and the cron account may modify; nobody else (no Users, no Everyone).',
		'param([switch]$DryRun)',
		"$ErrorActionPreference = 'Stop'",
		'',
		`$InstallDir = ${psQuote(env.winInstallPath)}`,
		`$DataDir = ${psQuote(env.winDataPath)}`,
		`$WebAccount = ${psQuote(env.winWebAccount)}`,
		`$CronAccount = ${psQuote(env.winCronAccount)}`,
		`$ConfigLine = ${psQuote(dirDataLine(env.winDataPath))}`,
		'$OldData = Join-Path $InstallDir \'data\'',
		'',
		'function Invoke-Native([string]$Exe, [string[]]$Arguments) {',
		'    if ($DryRun) { Write-Host ("would run: " + $Exe + " " + ($Arguments -join " ")); return }',
		'    & $Exe @Arguments',
		'    if ($LASTEXITCODE -ne 0) { throw "$Exe failed with exit code $LASTEXITCODE" }',
		'}',
		'',
		"if (-not (Test-Path -LiteralPath (Join-Path $InstallDir 'index.php') -PathType Leaf)) { throw \"$InstallDir does not look like a Deskpro install\" }",
		'',
		'# 1. Pause the scheduled task that runs cron.php, move data/, resume later.',
		"$tasks = @(Get-ScheduledTask | Where-Object { ($_.Actions | ForEach-Object { \"$($_.Execute) $($_.Arguments)\" }) -match 'cron\\.php' })",
		'if (Test-Path -LiteralPath $OldData -PathType Container) {',
		"    if ((Test-Path -LiteralPath $DataDir) -and @(Get-ChildItem -LiteralPath $DataDir -Force).Count -gt 0) { throw \"$DataDir exists and is not empty: nothing was moved\" }",
		'    foreach ($t in $tasks) { if ($DryRun) { Write-Host "would disable task $($t.TaskName)" } else { $t | Disable-ScheduledTask | Out-Null } }',
		'    if ($DryRun) { Write-Host "would move $OldData to $DataDir" }',
		'    else {',
		'        New-Item -ItemType Directory -Force -Path (Split-Path -Parent $DataDir) | Out-Null',
		'        if (Test-Path -LiteralPath $DataDir) { Remove-Item -LiteralPath $DataDir }',
		'        Move-Item -LiteralPath $OldData -Destination $DataDir',
		'    }',
		'} elseif (-not (Test-Path -LiteralPath $DataDir -PathType Container)) { throw "neither $OldData nor $DataDir exists" }',
		'',
		'# 2. NTFS permissions (built-in SIDs: S-1-5-32-544 Administrators, S-1-5-18 SYSTEM, S-1-5-32-545 Users, S-1-1-0 Everyone).',
		"Invoke-Native 'icacls.exe' @($InstallDir, '/inheritance:r', '/grant:r', '*S-1-5-32-544:(OI)(CI)F', '*S-1-5-18:(OI)(CI)F', \"$($WebAccount):(OI)(CI)RX\", \"$($CronAccount):(OI)(CI)RX\", '/remove:g', '*S-1-5-32-545', '*S-1-1-0', '/T', '/C')",
		'if (Test-Path -LiteralPath $DataDir -PathType Container) {',
		"    Invoke-Native 'icacls.exe' @($DataDir, '/inheritance:r', '/grant:r', '*S-1-5-32-544:(OI)(CI)F', '*S-1-5-18:(OI)(CI)F', \"$($WebAccount):(OI)(CI)M\", \"$($CronAccount):(OI)(CI)M\", '/remove:g', '*S-1-5-32-545', '*S-1-1-0', '/T', '/C')",
		'}',
		'',
		'# 3. config.php must point at the new data directory before cron runs again.',
		"$config = Join-Path $InstallDir 'config.php'",
		'if ((Test-Path -LiteralPath $config) -and (Select-String -LiteralPath $config -SimpleMatch -Pattern $ConfigLine -Quiet)) {',
		'    foreach ($t in $tasks) { if ($DryRun) { Write-Host "would enable task $($t.TaskName)" } else { $t | Enable-ScheduledTask | Out-Null } }',
		'    Write-Host "done"',
		'} else {',
		'    Write-Host "NEXT: add this line to config.php, then run this script again to resume the scheduled task:"',
		'    Write-Host "  $ConfigLine"',
		'}',
		'if ($DryRun) { Write-Host "(dry run: nothing was changed)" }',
		''
	].join('\r\n');
}
