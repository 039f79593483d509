// Original file: shop/account/v1/account.proto


export interface DeleteAccountResponse {
}

export interface DeleteAccountResponse__Output {
}
