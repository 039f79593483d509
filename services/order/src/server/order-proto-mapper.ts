import { toMoneyProto, toTimestamp } from '@shop/proto';
import type { Order as OrderProto } from '@shop/proto/generated/shop/order/v1/Order';
import { Order } from '../domain/order.js';

/** Domain -> wire. */
export function toProto(order: Order): OrderProto {
  return {
    id: order.id,
    accountId: order.accountId,
    status: `ORDER_STATUS_${order.status}`,
    items: order.lines.map((line) => ({
      productId: line.productId,
      productName: line.productName,
      unitPrice: toMoneyProto(line.unitPrice),
      quantity: line.quantity,
      subtotal: toMoneyProto(Order.subtotal(line)),
    })),
    total: toMoneyProto(order.total),
    createTime: toTimestamp(order.createdAt),
    updateTime: toTimestamp(order.updatedAt),
  };
}
