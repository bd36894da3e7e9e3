/**
 * The strength worker as an inline worker: its code is a string in this module and it starts
 * from a `blob:` URL. Used only where a worker script file cannot be loaded, i.e. the offline
 * single-file build opened from `file://`; a served page never loads this module (it would cost
 * the main thread the parsing of the whole worker code as one big string).
 */
export { default } from './strength.worker?worker&inline';
