/** IIS section names and the unlock command, in a light module the practices can import without the generator code. */
/** The section IIS locks at server level by default. */
export const IP_SECURITY_SECTION = 'system.webServer/security/ipSecurity';
export const ANONYMOUS_SECTION = 'system.webServer/security/authentication/anonymousAuthentication';
/** The unlock command as shown in the step (cmd.exe form, no value of the plan in it). */
export const UNLOCK_IP_SECURITY_CMD = `%windir%\\system32\\inetsrv\\appcmd.exe unlock config -section:${IP_SECURITY_SECTION}`;

