export { OrderClient, type HistoryEntryView, type HistoryPageInput } from './order-client.js';
export type { CreateOrderInput, ListOrdersInput, OrderItemView, OrderPageView, OrderStatusView, OrderView } from './order-view.js';
