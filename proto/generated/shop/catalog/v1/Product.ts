// Original file: shop/catalog/v1/catalog.proto

import type { Money as _shop_common_v1_Money, Money__Output as _shop_common_v1_Money__Output } from '../../../shop/common/v1/Money.js';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp.js';

export interface Product {
  'id'?: (string);
  'name'?: (string);
  'description'?: (string);
  'price'?: (_shop_common_v1_Money | null);
  'stock'?: (number);
  'createTime'?: (_google_protobuf_Timestamp | null);
  'updateTime'?: (_google_protobuf_Timestamp | null);
}

export interface Product__Output {
  'id': (string);
  'name': (string);
  'description': (string);
  'price': (_shop_common_v1_Money__Output | null);
  'stock': (number);
  'createTime': (_google_protobuf_Timestamp__Output | null);
  'updateTime': (_google_protobuf_Timestamp__Output | null);
}
