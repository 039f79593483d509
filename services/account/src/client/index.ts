export { AccountClient } from './account-client.js';
export type { AccountPageView, AccountView } from './account-view.js';
