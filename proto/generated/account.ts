import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from './google/protobuf/Timestamp.js';
import type { Account as _shop_account_v1_Account, Account__Output as _shop_account_v1_Account__Output } from './shop/account/v1/Account.js';
import type { AccountServiceClient as _shop_account_v1_AccountServiceClient, AccountServiceDefinition as _shop_account_v1_AccountServiceDefinition } from './shop/account/v1/AccountService.js';
import type { AuthResponse as _shop_account_v1_AuthResponse, AuthResponse__Output as _shop_account_v1_AuthResponse__Output } from './shop/account/v1/AuthResponse.js';
import type { ChangePasswordRequest as _shop_account_v1_ChangePasswordRequest, ChangePasswordRequest__Output as _shop_account_v1_ChangePasswordRequest__Output } from './shop/account/v1/ChangePasswordRequest.js';
import type { CreateAccountRequest as _shop_account_v1_CreateAccountRequest, CreateAccountRequest__Output as _shop_account_v1_CreateAccountRequest__Output } from './shop/account/v1/CreateAccountRequest.js';
import type { CreateAccountResponse as _shop_account_v1_CreateAccountResponse, CreateAccountResponse__Output as _shop_account_v1_CreateAccountResponse__Output } from './shop/account/v1/CreateAccountResponse.js';
import type { DeleteAccountRequest as _shop_account_v1_DeleteAccountRequest, DeleteAccountRequest__Output as _shop_account_v1_DeleteAccountRequest__Output } from './shop/account/v1/DeleteAccountRequest.js';
import type { DeleteAccountResponse as _shop_account_v1_DeleteAccountResponse, DeleteAccountResponse__Output as _shop_account_v1_DeleteAccountResponse__Output } from './shop/account/v1/DeleteAccountResponse.js';
import type { GetAccountRequest as _shop_account_v1_GetAccountRequest, GetAccountRequest__Output as _shop_account_v1_GetAccountRequest__Output } from './shop/account/v1/GetAccountRequest.js';
import type { GetAccountResponse as _shop_account_v1_GetAccountResponse, GetAccountResponse__Output as _shop_account_v1_GetAccountResponse__Output } from './shop/account/v1/GetAccountResponse.js';
import type { GetAccountsRequest as _shop_account_v1_GetAccountsRequest, GetAccountsRequest__Output as _shop_account_v1_GetAccountsRequest__Output } from './shop/account/v1/GetAccountsRequest.js';
import type { GetAccountsResponse as _shop_account_v1_GetAccountsResponse, GetAccountsResponse__Output as _shop_account_v1_GetAccountsResponse__Output } from './shop/account/v1/GetAccountsResponse.js';
import type { GetJwksRequest as _shop_account_v1_GetJwksRequest, GetJwksRequest__Output as _shop_account_v1_GetJwksRequest__Output } from './shop/account/v1/GetJwksRequest.js';
import type { GetJwksResponse as _shop_account_v1_GetJwksResponse, GetJwksResponse__Output as _shop_account_v1_GetJwksResponse__Output } from './shop/account/v1/GetJwksResponse.js';
import type { GetMeRequest as _shop_account_v1_GetMeRequest, GetMeRequest__Output as _shop_account_v1_GetMeRequest__Output } from './shop/account/v1/GetMeRequest.js';
import type { GetMeResponse as _shop_account_v1_GetMeResponse, GetMeResponse__Output as _shop_account_v1_GetMeResponse__Output } from './shop/account/v1/GetMeResponse.js';
import type { Jwk as _shop_account_v1_Jwk, Jwk__Output as _shop_account_v1_Jwk__Output } from './shop/account/v1/Jwk.js';
import type { ListAccountsRequest as _shop_account_v1_ListAccountsRequest, ListAccountsRequest__Output as _shop_account_v1_ListAccountsRequest__Output } from './shop/account/v1/ListAccountsRequest.js';
import type { ListAccountsResponse as _shop_account_v1_ListAccountsResponse, ListAccountsResponse__Output as _shop_account_v1_ListAccountsResponse__Output } from './shop/account/v1/ListAccountsResponse.js';
import type { LoginRequest as _shop_account_v1_LoginRequest, LoginRequest__Output as _shop_account_v1_LoginRequest__Output } from './shop/account/v1/LoginRequest.js';
import type { LogoutRequest as _shop_account_v1_LogoutRequest, LogoutRequest__Output as _shop_account_v1_LogoutRequest__Output } from './shop/account/v1/LogoutRequest.js';
import type { LogoutResponse as _shop_account_v1_LogoutResponse, LogoutResponse__Output as _shop_account_v1_LogoutResponse__Output } from './shop/account/v1/LogoutResponse.js';
import type { RefreshTokenRequest as _shop_account_v1_RefreshTokenRequest, RefreshTokenRequest__Output as _shop_account_v1_RefreshTokenRequest__Output } from './shop/account/v1/RefreshTokenRequest.js';
import type { RegisterRequest as _shop_account_v1_RegisterRequest, RegisterRequest__Output as _shop_account_v1_RegisterRequest__Output } from './shop/account/v1/RegisterRequest.js';
import type { SetAccountRoleRequest as _shop_account_v1_SetAccountRoleRequest, SetAccountRoleRequest__Output as _shop_account_v1_SetAccountRoleRequest__Output } from './shop/account/v1/SetAccountRoleRequest.js';
import type { SetAccountRoleResponse as _shop_account_v1_SetAccountRoleResponse, SetAccountRoleResponse__Output as _shop_account_v1_SetAccountRoleResponse__Output } from './shop/account/v1/SetAccountRoleResponse.js';
import type { UpdateAccountRequest as _shop_account_v1_UpdateAccountRequest, UpdateAccountRequest__Output as _shop_account_v1_UpdateAccountRequest__Output } from './shop/account/v1/UpdateAccountRequest.js';
import type { UpdateAccountResponse as _shop_account_v1_UpdateAccountResponse, UpdateAccountResponse__Output as _shop_account_v1_UpdateAccountResponse__Output } from './shop/account/v1/UpdateAccountResponse.js';
import type { HistoryEntry as _shop_events_v1_HistoryEntry, HistoryEntry__Output as _shop_events_v1_HistoryEntry__Output } from './shop/events/v1/HistoryEntry.js';
import type { ListHistoriesRequest as _shop_events_v1_ListHistoriesRequest, ListHistoriesRequest__Output as _shop_events_v1_ListHistoriesRequest__Output } from './shop/events/v1/ListHistoriesRequest.js';
import type { ListHistoriesResponse as _shop_events_v1_ListHistoriesResponse, ListHistoriesResponse__Output as _shop_events_v1_ListHistoriesResponse__Output } from './shop/events/v1/ListHistoriesResponse.js';
import type { ListHistoryRequest as _shop_events_v1_ListHistoryRequest, ListHistoryRequest__Output as _shop_events_v1_ListHistoryRequest__Output } from './shop/events/v1/ListHistoryRequest.js';
import type { ListHistoryResponse as _shop_events_v1_ListHistoryResponse, ListHistoryResponse__Output as _shop_events_v1_ListHistoryResponse__Output } from './shop/events/v1/ListHistoryResponse.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  google: {
    protobuf: {
      Timestamp: MessageTypeDefinition<_google_protobuf_Timestamp, _google_protobuf_Timestamp__Output>
    }
  }
  shop: {
    account: {
      v1: {
        Account: MessageTypeDefinition<_shop_account_v1_Account, _shop_account_v1_Account__Output>
        /**
         * Customers and admins of the shop, and how they sign in. Emails are unique, compared case-insensitively.
         * Every call is checked against the caller's access token (metadata "authorization: Bearer <token>"); the rules
         * are those of the public API (API.md, "Identity and access").
         */
        AccountService: SubtypeConstructor<typeof grpc.Client, _shop_account_v1_AccountServiceClient> & { service: _shop_account_v1_AccountServiceDefinition }
        AuthResponse: MessageTypeDefinition<_shop_account_v1_AuthResponse, _shop_account_v1_AuthResponse__Output>
        ChangePasswordRequest: MessageTypeDefinition<_shop_account_v1_ChangePasswordRequest, _shop_account_v1_ChangePasswordRequest__Output>
        CreateAccountRequest: MessageTypeDefinition<_shop_account_v1_CreateAccountRequest, _shop_account_v1_CreateAccountRequest__Output>
        CreateAccountResponse: MessageTypeDefinition<_shop_account_v1_CreateAccountResponse, _shop_account_v1_CreateAccountResponse__Output>
        DeleteAccountRequest: MessageTypeDefinition<_shop_account_v1_DeleteAccountRequest, _shop_account_v1_DeleteAccountRequest__Output>
        DeleteAccountResponse: MessageTypeDefinition<_shop_account_v1_DeleteAccountResponse, _shop_account_v1_DeleteAccountResponse__Output>
        GetAccountRequest: MessageTypeDefinition<_shop_account_v1_GetAccountRequest, _shop_account_v1_GetAccountRequest__Output>
        GetAccountResponse: MessageTypeDefinition<_shop_account_v1_GetAccountResponse, _shop_account_v1_GetAccountResponse__Output>
        GetAccountsRequest: MessageTypeDefinition<_shop_account_v1_GetAccountsRequest, _shop_account_v1_GetAccountsRequest__Output>
        GetAccountsResponse: MessageTypeDefinition<_shop_account_v1_GetAccountsResponse, _shop_account_v1_GetAccountsResponse__Output>
        GetJwksRequest: MessageTypeDefinition<_shop_account_v1_GetJwksRequest, _shop_account_v1_GetJwksRequest__Output>
        GetJwksResponse: MessageTypeDefinition<_shop_account_v1_GetJwksResponse, _shop_account_v1_GetJwksResponse__Output>
        GetMeRequest: MessageTypeDefinition<_shop_account_v1_GetMeRequest, _shop_account_v1_GetMeRequest__Output>
        GetMeResponse: MessageTypeDefinition<_shop_account_v1_GetMeResponse, _shop_account_v1_GetMeResponse__Output>
        Jwk: MessageTypeDefinition<_shop_account_v1_Jwk, _shop_account_v1_Jwk__Output>
        ListAccountsRequest: MessageTypeDefinition<_shop_account_v1_ListAccountsRequest, _shop_account_v1_ListAccountsRequest__Output>
        ListAccountsResponse: MessageTypeDefinition<_shop_account_v1_ListAccountsResponse, _shop_account_v1_ListAccountsResponse__Output>
        LoginRequest: MessageTypeDefinition<_shop_account_v1_LoginRequest, _shop_account_v1_LoginRequest__Output>
        LogoutRequest: MessageTypeDefinition<_shop_account_v1_LogoutRequest, _shop_account_v1_LogoutRequest__Output>
        LogoutResponse: MessageTypeDefinition<_shop_account_v1_LogoutResponse, _shop_account_v1_LogoutResponse__Output>
        RefreshTokenRequest: MessageTypeDefinition<_shop_account_v1_RefreshTokenRequest, _shop_account_v1_RefreshTokenRequest__Output>
        RegisterRequest: MessageTypeDefinition<_shop_account_v1_RegisterRequest, _shop_account_v1_RegisterRequest__Output>
        Role: EnumTypeDefinition
        SetAccountRoleRequest: MessageTypeDefinition<_shop_account_v1_SetAccountRoleRequest, _shop_account_v1_SetAccountRoleRequest__Output>
        SetAccountRoleResponse: MessageTypeDefinition<_shop_account_v1_SetAccountRoleResponse, _shop_account_v1_SetAccountRoleResponse__Output>
        UpdateAccountRequest: MessageTypeDefinition<_shop_account_v1_UpdateAccountRequest, _shop_account_v1_UpdateAccountRequest__Output>
        UpdateAccountResponse: MessageTypeDefinition<_shop_account_v1_UpdateAccountResponse, _shop_account_v1_UpdateAccountResponse__Output>
      }
    }
    events: {
      v1: {
        HistoryEntry: MessageTypeDefinition<_shop_events_v1_HistoryEntry, _shop_events_v1_HistoryEntry__Output>
        ListHistoriesRequest: MessageTypeDefinition<_shop_events_v1_ListHistoriesRequest, _shop_events_v1_ListHistoriesRequest__Output>
        ListHistoriesResponse: MessageTypeDefinition<_shop_events_v1_ListHistoriesResponse, _shop_events_v1_ListHistoriesResponse__Output>
        ListHistoryRequest: MessageTypeDefinition<_shop_events_v1_ListHistoryRequest, _shop_events_v1_ListHistoryRequest__Output>
        ListHistoryResponse: MessageTypeDefinition<_shop_events_v1_ListHistoryResponse, _shop_events_v1_ListHistoryResponse__Output>
      }
    }
  }
}

