export { AccountClient } from './account-client.js';
export type { AccountPageView, AccountView, HistoryEntryView } from './account-view.js';
