export { OrderClient, type HistoryEntryView } from './order-client.js';
export type { CreateOrderInput, ListOrdersInput, OrderItemView, OrderPageView, OrderStatusView, OrderView } from './order-view.js';
