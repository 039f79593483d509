import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { Money as _shop_common_v1_Money, Money__Output as _shop_common_v1_Money__Output } from './shop/common/v1/Money.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  shop: {
    common: {
      v1: {
        Money: MessageTypeDefinition<_shop_common_v1_Money, _shop_common_v1_Money__Output>
      }
    }
  }
}

