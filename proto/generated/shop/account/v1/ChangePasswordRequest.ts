// Original file: shop/account/v1/account.proto


export interface ChangePasswordRequest {
  'currentPassword'?: (string);
  'newPassword'?: (string);
}

export interface ChangePasswordRequest__Output {
  'currentPassword': (string);
  'newPassword': (string);
}
