export { AccountClient } from './account-client.js';
export type { AccountPageView, AccountView, AuthView, HistoryEntryView } from './account-view.js';
