export { AccountClient } from './account-client.js';
export type { AccountPageView, AccountView, AuthView, HistoryEntryView, HistoryPageInput } from './account-view.js';
