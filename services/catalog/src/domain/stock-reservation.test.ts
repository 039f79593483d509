import { describe, expect, it } from '@jest/globals';
import { newId } from '@shop/ids';
import { aProduct } from '../../test/product-builder.js';
import { decideReservation } from './stock-reservation.js';

describe('decideReservation', () => {
  const kettle = aProduct({ stock: 2 });
  const products = new Map([[kettle.id, kettle]]);

  it('reserves when every line has enough stock, down to zero', () => {
    expect(decideReservation([{ productId: kettle.id, quantity: 2 }], products)).toEqual({ reserved: true });
  });

  it('refuses all lines when one is short or gone, saying which', () => {
    expect(decideReservation([{ productId: kettle.id, quantity: 3 }], products)).toEqual({ reserved: false, reason: `product ${kettle.id} has 2 in stock, 3 wanted` });
    const gone = newId();
    expect(decideReservation([{ productId: kettle.id, quantity: 1 }, { productId: gone, quantity: 1 }], products)).toEqual({ reserved: false, reason: `product ${gone} no longer exists` });
  });
});
