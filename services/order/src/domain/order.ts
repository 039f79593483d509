import { ValidationError } from '@shop/errors';
import { newId } from '@shop/ids';
import { multiply, sum, type Money } from '@shop/money';
import { OrderErrorCode, OrderNotCancellableError } from './order-errors.js';

/** Where an order is in its life: PENDING until stock is reserved (CONFIRMED) or refused (REJECTED); CANCELLED by the customer. */
export type OrderStatus = 'PENDING' | 'CONFIRMED' | 'REJECTED' | 'CANCELLED';

/** One line: the product as it was when ordered (name and unit price), and how many. */
export interface OrderLine {
  readonly productId: string;
  readonly productName: string;
  readonly unitPrice: Money;
  readonly quantity: number;
}

/** The state of an order, as storage loads it and mappers read it. */
export interface OrderState {
  readonly id: string;
  readonly accountId: string;
  readonly status: OrderStatus;
  readonly lines: readonly OrderLine[];
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** An account's order of products. Placed through `place`, loaded through `fromStorage`. Totals are derived, exactly. */
export class Order {
  private constructor(private readonly state: OrderState) {}

  /**
   * A new PENDING order from lines already checked by parseOrderRequest and filled with product snapshots.
   * All lines must share one currency; a mix is refused on `items`.
   */
  static place(input: { accountId: string; lines: OrderLine[] }, now: Date, id: string = newId()): Order {
    const currencies = new Set(input.lines.map((line) => line.unitPrice.currencyCode));
    if (currencies.size > 1) {
      throw new ValidationError(OrderErrorCode.mixedCurrencies, 'items', `items must all be priced in one currency, got ${[...currencies].sort().join(', ')}`);
    }
    return new Order({ id, accountId: input.accountId, status: 'PENDING', lines: [...input.lines], createdAt: now, updatedAt: now });
  }

  /** An order as the repository stored it; creation rules are not re-run. */
  static fromStorage(state: OrderState): Order {
    return new Order({ ...state, lines: [...state.lines] });
  }

  get id(): string {
    return this.state.id;
  }
  get accountId(): string {
    return this.state.accountId;
  }
  get status(): OrderStatus {
    return this.state.status;
  }
  get lines(): readonly OrderLine[] {
    return this.state.lines;
  }
  get createdAt(): Date {
    return this.state.createdAt;
  }
  get updatedAt(): Date {
    return this.state.updatedAt;
  }

  /** The currency of every line. */
  get currencyCode(): string {
    return this.state.lines[0]?.unitPrice.currencyCode ?? 'XXX';
  }

  /** A line's unit price times its quantity, exact. */
  static subtotal(line: OrderLine): Money {
    return multiply(line.unitPrice, line.quantity);
  }

  /** The sum of the line subtotals, exact at any size the limits allow. */
  get total(): Money {
    return sum(this.state.lines.map(Order.subtotal), this.currencyCode);
  }

  /** The order CANCELLED; only PENDING and CONFIRMED orders can be cancelled. */
  cancel(now: Date): Order {
    if (this.state.status !== 'PENDING' && this.state.status !== 'CONFIRMED') {
      throw new OrderNotCancellableError(this.state.id, this.state.status);
    }
    return new Order({ ...this.state, status: 'CANCELLED', updatedAt: now });
  }

  /**
   * The outcome of the stock reservation: a PENDING order becomes CONFIRMED (stock reserved) or REJECTED (stock
   * short). Any other order is returned unchanged, so a redelivered or late outcome has no effect (a cancelled
   * order stays cancelled; the catalog releases what it reserved when it sees the cancellation).
   */
  settleReservation(reserved: boolean, now: Date): Order {
    if (this.state.status !== 'PENDING') return this;
    return new Order({ ...this.state, status: reserved ? 'CONFIRMED' : 'REJECTED', updatedAt: now });
  }

  /** A copy of the state, for mappers. */
  toState(): OrderState {
    return { ...this.state, lines: [...this.state.lines] };
  }
}
