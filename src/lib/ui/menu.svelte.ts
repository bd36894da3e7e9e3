/** Whether the step list is open on narrow screens (toggled by the header's "Steps" button). */
export const stepMenu = $state({ open: false });
