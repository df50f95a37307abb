/**
 * Marks, once per page load, the moment the first screen is on display and usable (the login
 * form, or a page of the app). Read by the end-to-end test that checks the 1.5 s goal, and by
 * anyone looking at the page's performance timeline.
 */
export function markFirstScreen(): void {
  if (performance.getEntriesByName('dupm:first-screen').length === 0) performance.mark('dupm:first-screen');
}
