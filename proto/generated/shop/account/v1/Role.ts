// Original file: shop/account/v1/account.proto

export const Role = {
  ROLE_UNSPECIFIED: 'ROLE_UNSPECIFIED',
  CUSTOMER: 'CUSTOMER',
  ADMIN: 'ADMIN',
} as const;

export type Role =
  | 'ROLE_UNSPECIFIED'
  | 0
  | 'CUSTOMER'
  | 1
  | 'ADMIN'
  | 2

export type Role__Output = typeof Role[keyof typeof Role]
