/** The first step's id, on its own so light pages (the welcome page) can link to it. */
export const ABOUT_STEP_ID = 'about';
