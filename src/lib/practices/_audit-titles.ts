/**
 * Audit check titles that tests outside the practice read too (the e2e audit page spec): no
 * imports, so a Playwright spec can load it as it is.
 */
/** server-web-config.audit.admin-allow-list: the staff interfaces answer only the allowed networks. */
export const STAFF_ALLOW_LIST_TITLE = 'Staff interfaces only from the allowed networks';
