// Original file: shop/account/v1/account.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AuthResponse as _shop_account_v1_AuthResponse, AuthResponse__Output as _shop_account_v1_AuthResponse__Output } from '../../../shop/account/v1/AuthResponse.js';
import type { ChangePasswordRequest as _shop_account_v1_ChangePasswordRequest, ChangePasswordRequest__Output as _shop_account_v1_ChangePasswordRequest__Output } from '../../../shop/account/v1/ChangePasswordRequest.js';
import type { CreateAccountRequest as _shop_account_v1_CreateAccountRequest, CreateAccountRequest__Output as _shop_account_v1_CreateAccountRequest__Output } from '../../../shop/account/v1/CreateAccountRequest.js';
import type { CreateAccountResponse as _shop_account_v1_CreateAccountResponse, CreateAccountResponse__Output as _shop_account_v1_CreateAccountResponse__Output } from '../../../shop/account/v1/CreateAccountResponse.js';
import type { DeleteAccountRequest as _shop_account_v1_DeleteAccountRequest, DeleteAccountRequest__Output as _shop_account_v1_DeleteAccountRequest__Output } from '../../../shop/account/v1/DeleteAccountRequest.js';
import type { DeleteAccountResponse as _shop_account_v1_DeleteAccountResponse, DeleteAccountResponse__Output as _shop_account_v1_DeleteAccountResponse__Output } from '../../../shop/account/v1/DeleteAccountResponse.js';
import type { GetAccountRequest as _shop_account_v1_GetAccountRequest, GetAccountRequest__Output as _shop_account_v1_GetAccountRequest__Output } from '../../../shop/account/v1/GetAccountRequest.js';
import type { GetAccountResponse as _shop_account_v1_GetAccountResponse, GetAccountResponse__Output as _shop_account_v1_GetAccountResponse__Output } from '../../../shop/account/v1/GetAccountResponse.js';
import type { GetAccountsRequest as _shop_account_v1_GetAccountsRequest, GetAccountsRequest__Output as _shop_account_v1_GetAccountsRequest__Output } from '../../../shop/account/v1/GetAccountsRequest.js';
import type { GetAccountsResponse as _shop_account_v1_GetAccountsResponse, GetAccountsResponse__Output as _shop_account_v1_GetAccountsResponse__Output } from '../../../shop/account/v1/GetAccountsResponse.js';
import type { GetJwksRequest as _shop_account_v1_GetJwksRequest, GetJwksRequest__Output as _shop_account_v1_GetJwksRequest__Output } from '../../../shop/account/v1/GetJwksRequest.js';
import type { GetJwksResponse as _shop_account_v1_GetJwksResponse, GetJwksResponse__Output as _shop_account_v1_GetJwksResponse__Output } from '../../../shop/account/v1/GetJwksResponse.js';
import type { GetMeRequest as _shop_account_v1_GetMeRequest, GetMeRequest__Output as _shop_account_v1_GetMeRequest__Output } from '../../../shop/account/v1/GetMeRequest.js';
import type { GetMeResponse as _shop_account_v1_GetMeResponse, GetMeResponse__Output as _shop_account_v1_GetMeResponse__Output } from '../../../shop/account/v1/GetMeResponse.js';
import type { ListAccountsRequest as _shop_account_v1_ListAccountsRequest, ListAccountsRequest__Output as _shop_account_v1_ListAccountsRequest__Output } from '../../../shop/account/v1/ListAccountsRequest.js';
import type { ListAccountsResponse as _shop_account_v1_ListAccountsResponse, ListAccountsResponse__Output as _shop_account_v1_ListAccountsResponse__Output } from '../../../shop/account/v1/ListAccountsResponse.js';
import type { ListHistoriesRequest as _shop_events_v1_ListHistoriesRequest, ListHistoriesRequest__Output as _shop_events_v1_ListHistoriesRequest__Output } from '../../../shop/events/v1/ListHistoriesRequest.js';
import type { ListHistoriesResponse as _shop_events_v1_ListHistoriesResponse, ListHistoriesResponse__Output as _shop_events_v1_ListHistoriesResponse__Output } from '../../../shop/events/v1/ListHistoriesResponse.js';
import type { ListHistoryRequest as _shop_events_v1_ListHistoryRequest, ListHistoryRequest__Output as _shop_events_v1_ListHistoryRequest__Output } from '../../../shop/events/v1/ListHistoryRequest.js';
import type { ListHistoryResponse as _shop_events_v1_ListHistoryResponse, ListHistoryResponse__Output as _shop_events_v1_ListHistoryResponse__Output } from '../../../shop/events/v1/ListHistoryResponse.js';
import type { LoginRequest as _shop_account_v1_LoginRequest, LoginRequest__Output as _shop_account_v1_LoginRequest__Output } from '../../../shop/account/v1/LoginRequest.js';
import type { LogoutRequest as _shop_account_v1_LogoutRequest, LogoutRequest__Output as _shop_account_v1_LogoutRequest__Output } from '../../../shop/account/v1/LogoutRequest.js';
import type { LogoutResponse as _shop_account_v1_LogoutResponse, LogoutResponse__Output as _shop_account_v1_LogoutResponse__Output } from '../../../shop/account/v1/LogoutResponse.js';
import type { RefreshTokenRequest as _shop_account_v1_RefreshTokenRequest, RefreshTokenRequest__Output as _shop_account_v1_RefreshTokenRequest__Output } from '../../../shop/account/v1/RefreshTokenRequest.js';
import type { RegisterRequest as _shop_account_v1_RegisterRequest, RegisterRequest__Output as _shop_account_v1_RegisterRequest__Output } from '../../../shop/account/v1/RegisterRequest.js';
import type { SetAccountRoleRequest as _shop_account_v1_SetAccountRoleRequest, SetAccountRoleRequest__Output as _shop_account_v1_SetAccountRoleRequest__Output } from '../../../shop/account/v1/SetAccountRoleRequest.js';
import type { SetAccountRoleResponse as _shop_account_v1_SetAccountRoleResponse, SetAccountRoleResponse__Output as _shop_account_v1_SetAccountRoleResponse__Output } from '../../../shop/account/v1/SetAccountRoleResponse.js';
import type { UpdateAccountRequest as _shop_account_v1_UpdateAccountRequest, UpdateAccountRequest__Output as _shop_account_v1_UpdateAccountRequest__Output } from '../../../shop/account/v1/UpdateAccountRequest.js';
import type { UpdateAccountResponse as _shop_account_v1_UpdateAccountResponse, UpdateAccountResponse__Output as _shop_account_v1_UpdateAccountResponse__Output } from '../../../shop/account/v1/UpdateAccountResponse.js';

/**
 * Customers and admins of the shop, and how they sign in. Emails are unique, compared case-insensitively.
 * Every call is checked against the caller's access token (metadata "authorization: Bearer <token>"); the rules
 * are those of the public API (API.md, "Identity and access").
 */
export interface AccountServiceClient extends grpc.Client {
  /**
   * The caller's own password; every earlier token of the account stops working, a fresh pair is returned.
   */
  ChangePassword(argument: _shop_account_v1_ChangePasswordRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_account_v1_AuthResponse__Output>): grpc.ClientUnaryCall;
  ChangePassword(argument: _shop_account_v1_ChangePasswordRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_account_v1_AuthResponse__Output>): grpc.ClientUnaryCall;
  ChangePassword(argument: _shop_account_v1_ChangePasswordRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_account_v1_AuthResponse__Output>): grpc.ClientUnaryCall;
  ChangePassword(argument: _shop_account_v1_ChangePasswordRequest, callback: grpc.requestCallback<_shop_account_v1_AuthResponse__Output>): grpc.ClientUnaryCall;
  /**
   * The caller's own password; every earlier token of the account stops working, a fresh pair is returned.
   */
  changePassword(argument: _shop_account_v1_ChangePasswordRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_account_v1_AuthResponse__Output>): grpc.ClientUnaryCall;
  changePassword(argument: _shop_account_v1_ChangePasswordRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_account_v1_AuthResponse__Output>): grpc.ClientUnaryCall;
  changePassword(argument: _shop_account_v1_ChangePasswordRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_account_v1_AuthResponse__Output>): grpc.ClientUnaryCall;
  changePassword(argument: _shop_account_v1_ChangePasswordRequest, callback: grpc.requestCallback<_shop_account_v1_AuthResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Admin only: an account with any role, with or without a password.
   */
  CreateAccount(argument: _shop_account_v1_CreateAccountRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_account_v1_CreateAccountResponse__Output>): grpc.ClientUnaryCall;
  CreateAccount(argument: _shop_account_v1_CreateAccountRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_account_v1_CreateAccountResponse__Output>): grpc.ClientUnaryCall;
  CreateAccount(argument: _shop_account_v1_CreateAccountRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_account_v1_CreateAccountResponse__Output>): grpc.ClientUnaryCall;
  CreateAccount(argument: _shop_account_v1_CreateAccountRequest, callback: grpc.requestCallback<_shop_account_v1_CreateAccountResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Admin only: an account with any role, with or without a password.
   */
  createAccount(argument: _shop_account_v1_CreateAccountRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_account_v1_CreateAccountResponse__Output>): grpc.ClientUnaryCall;
  createAccount(argument: _shop_account_v1_CreateAccountRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_account_v1_CreateAccountResponse__Output>): grpc.ClientUnaryCall;
  createAccount(argument: _shop_account_v1_CreateAccountRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_account_v1_CreateAccountResponse__Output>): grpc.ClientUnaryCall;
  createAccount(argument: _shop_account_v1_CreateAccountRequest, callback: grpc.requestCallback<_shop_account_v1_CreateAccountResponse__Output>): grpc.ClientUnaryCall;
  
  DeleteAccount(argument: _shop_account_v1_DeleteAccountRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_account_v1_DeleteAccountResponse__Output>): grpc.ClientUnaryCall;
  DeleteAccount(argument: _shop_account_v1_DeleteAccountRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_account_v1_DeleteAccountResponse__Output>): grpc.ClientUnaryCall;
  DeleteAccount(argument: _shop_account_v1_DeleteAccountRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_account_v1_DeleteAccountResponse__Output>): grpc.ClientUnaryCall;
  DeleteAccount(argument: _shop_account_v1_DeleteAccountRequest, callback: grpc.requestCallback<_shop_account_v1_DeleteAccountResponse__Output>): grpc.ClientUnaryCall;
  deleteAccount(argument: _shop_account_v1_DeleteAccountRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_account_v1_DeleteAccountResponse__Output>): grpc.ClientUnaryCall;
  deleteAccount(argument: _shop_account_v1_DeleteAccountRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_account_v1_DeleteAccountResponse__Output>): grpc.ClientUnaryCall;
  deleteAccount(argument: _shop_account_v1_DeleteAccountRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_account_v1_DeleteAccountResponse__Output>): grpc.ClientUnaryCall;
  deleteAccount(argument: _shop_account_v1_DeleteAccountRequest, callback: grpc.requestCallback<_shop_account_v1_DeleteAccountResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * NOT_FOUND when no account has the id.
   */
  GetAccount(argument: _shop_account_v1_GetAccountRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_account_v1_GetAccountResponse__Output>): grpc.ClientUnaryCall;
  GetAccount(argument: _shop_account_v1_GetAccountRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_account_v1_GetAccountResponse__Output>): grpc.ClientUnaryCall;
  GetAccount(argument: _shop_account_v1_GetAccountRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_account_v1_GetAccountResponse__Output>): grpc.ClientUnaryCall;
  GetAccount(argument: _shop_account_v1_GetAccountRequest, callback: grpc.requestCallback<_shop_account_v1_GetAccountResponse__Output>): grpc.ClientUnaryCall;
  /**
   * NOT_FOUND when no account has the id.
   */
  getAccount(argument: _shop_account_v1_GetAccountRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_account_v1_GetAccountResponse__Output>): grpc.ClientUnaryCall;
  getAccount(argument: _shop_account_v1_GetAccountRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_account_v1_GetAccountResponse__Output>): grpc.ClientUnaryCall;
  getAccount(argument: _shop_account_v1_GetAccountRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_account_v1_GetAccountResponse__Output>): grpc.ClientUnaryCall;
  getAccount(argument: _shop_account_v1_GetAccountRequest, callback: grpc.requestCallback<_shop_account_v1_GetAccountResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Batch read: accounts in the order of the ids asked for; unknown ids are left out.
   */
  GetAccounts(argument: _shop_account_v1_GetAccountsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_account_v1_GetAccountsResponse__Output>): grpc.ClientUnaryCall;
  GetAccounts(argument: _shop_account_v1_GetAccountsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_account_v1_GetAccountsResponse__Output>): grpc.ClientUnaryCall;
  GetAccounts(argument: _shop_account_v1_GetAccountsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_account_v1_GetAccountsResponse__Output>): grpc.ClientUnaryCall;
  GetAccounts(argument: _shop_account_v1_GetAccountsRequest, callback: grpc.requestCallback<_shop_account_v1_GetAccountsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Batch read: accounts in the order of the ids asked for; unknown ids are left out.
   */
  getAccounts(argument: _shop_account_v1_GetAccountsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_account_v1_GetAccountsResponse__Output>): grpc.ClientUnaryCall;
  getAccounts(argument: _shop_account_v1_GetAccountsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_account_v1_GetAccountsResponse__Output>): grpc.ClientUnaryCall;
  getAccounts(argument: _shop_account_v1_GetAccountsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_account_v1_GetAccountsResponse__Output>): grpc.ClientUnaryCall;
  getAccounts(argument: _shop_account_v1_GetAccountsRequest, callback: grpc.requestCallback<_shop_account_v1_GetAccountsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Anyone: the public keys access tokens are signed with (RFC 7517), so every service can check tokens itself.
   */
  GetJwks(argument: _shop_account_v1_GetJwksRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_account_v1_GetJwksResponse__Output>): grpc.ClientUnaryCall;
  GetJwks(argument: _shop_account_v1_GetJwksRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_account_v1_GetJwksResponse__Output>): grpc.ClientUnaryCall;
  GetJwks(argument: _shop_account_v1_GetJwksRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_account_v1_GetJwksResponse__Output>): grpc.ClientUnaryCall;
  GetJwks(argument: _shop_account_v1_GetJwksRequest, callback: grpc.requestCallback<_shop_account_v1_GetJwksResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Anyone: the public keys access tokens are signed with (RFC 7517), so every service can check tokens itself.
   */
  getJwks(argument: _shop_account_v1_GetJwksRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_account_v1_GetJwksResponse__Output>): grpc.ClientUnaryCall;
  getJwks(argument: _shop_account_v1_GetJwksRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_account_v1_GetJwksResponse__Output>): grpc.ClientUnaryCall;
  getJwks(argument: _shop_account_v1_GetJwksRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_account_v1_GetJwksResponse__Output>): grpc.ClientUnaryCall;
  getJwks(argument: _shop_account_v1_GetJwksRequest, callback: grpc.requestCallback<_shop_account_v1_GetJwksResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * The caller's own account; no account for an anonymous caller.
   */
  GetMe(argument: _shop_account_v1_GetMeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_account_v1_GetMeResponse__Output>): grpc.ClientUnaryCall;
  GetMe(argument: _shop_account_v1_GetMeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_account_v1_GetMeResponse__Output>): grpc.ClientUnaryCall;
  GetMe(argument: _shop_account_v1_GetMeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_account_v1_GetMeResponse__Output>): grpc.ClientUnaryCall;
  GetMe(argument: _shop_account_v1_GetMeRequest, callback: grpc.requestCallback<_shop_account_v1_GetMeResponse__Output>): grpc.ClientUnaryCall;
  /**
   * The caller's own account; no account for an anonymous caller.
   */
  getMe(argument: _shop_account_v1_GetMeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_account_v1_GetMeResponse__Output>): grpc.ClientUnaryCall;
  getMe(argument: _shop_account_v1_GetMeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_account_v1_GetMeResponse__Output>): grpc.ClientUnaryCall;
  getMe(argument: _shop_account_v1_GetMeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_account_v1_GetMeResponse__Output>): grpc.ClientUnaryCall;
  getMe(argument: _shop_account_v1_GetMeRequest, callback: grpc.requestCallback<_shop_account_v1_GetMeResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Newest first, keyset pagination.
   */
  ListAccounts(argument: _shop_account_v1_ListAccountsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_account_v1_ListAccountsResponse__Output>): grpc.ClientUnaryCall;
  ListAccounts(argument: _shop_account_v1_ListAccountsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_account_v1_ListAccountsResponse__Output>): grpc.ClientUnaryCall;
  ListAccounts(argument: _shop_account_v1_ListAccountsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_account_v1_ListAccountsResponse__Output>): grpc.ClientUnaryCall;
  ListAccounts(argument: _shop_account_v1_ListAccountsRequest, callback: grpc.requestCallback<_shop_account_v1_ListAccountsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Newest first, keyset pagination.
   */
  listAccounts(argument: _shop_account_v1_ListAccountsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_account_v1_ListAccountsResponse__Output>): grpc.ClientUnaryCall;
  listAccounts(argument: _shop_account_v1_ListAccountsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_account_v1_ListAccountsResponse__Output>): grpc.ClientUnaryCall;
  listAccounts(argument: _shop_account_v1_ListAccountsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_account_v1_ListAccountsResponse__Output>): grpc.ClientUnaryCall;
  listAccounts(argument: _shop_account_v1_ListAccountsRequest, callback: grpc.requestCallback<_shop_account_v1_ListAccountsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * ListHistory for many records in one call (the gateway's nested history fields).
   */
  ListHistories(argument: _shop_events_v1_ListHistoriesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_events_v1_ListHistoriesResponse__Output>): grpc.ClientUnaryCall;
  ListHistories(argument: _shop_events_v1_ListHistoriesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_events_v1_ListHistoriesResponse__Output>): grpc.ClientUnaryCall;
  ListHistories(argument: _shop_events_v1_ListHistoriesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_events_v1_ListHistoriesResponse__Output>): grpc.ClientUnaryCall;
  ListHistories(argument: _shop_events_v1_ListHistoriesRequest, callback: grpc.requestCallback<_shop_events_v1_ListHistoriesResponse__Output>): grpc.ClientUnaryCall;
  /**
   * ListHistory for many records in one call (the gateway's nested history fields).
   */
  listHistories(argument: _shop_events_v1_ListHistoriesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_events_v1_ListHistoriesResponse__Output>): grpc.ClientUnaryCall;
  listHistories(argument: _shop_events_v1_ListHistoriesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_events_v1_ListHistoriesResponse__Output>): grpc.ClientUnaryCall;
  listHistories(argument: _shop_events_v1_ListHistoriesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_events_v1_ListHistoriesResponse__Output>): grpc.ClientUnaryCall;
  listHistories(argument: _shop_events_v1_ListHistoriesRequest, callback: grpc.requestCallback<_shop_events_v1_ListHistoriesResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Every change of the account, oldest first, also after it was deleted; empty for an id that never existed.
   */
  ListHistory(argument: _shop_events_v1_ListHistoryRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_events_v1_ListHistoryResponse__Output>): grpc.ClientUnaryCall;
  ListHistory(argument: _shop_events_v1_ListHistoryRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_events_v1_ListHistoryResponse__Output>): grpc.ClientUnaryCall;
  ListHistory(argument: _shop_events_v1_ListHistoryRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_events_v1_ListHistoryResponse__Output>): grpc.ClientUnaryCall;
  ListHistory(argument: _shop_events_v1_ListHistoryRequest, callback: grpc.requestCallback<_shop_events_v1_ListHistoryResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Every change of the account, oldest first, also after it was deleted; empty for an id that never existed.
   */
  listHistory(argument: _shop_events_v1_ListHistoryRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_events_v1_ListHistoryResponse__Output>): grpc.ClientUnaryCall;
  listHistory(argument: _shop_events_v1_ListHistoryRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_events_v1_ListHistoryResponse__Output>): grpc.ClientUnaryCall;
  listHistory(argument: _shop_events_v1_ListHistoryRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_events_v1_ListHistoryResponse__Output>): grpc.ClientUnaryCall;
  listHistory(argument: _shop_events_v1_ListHistoryRequest, callback: grpc.requestCallback<_shop_events_v1_ListHistoryResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Anyone: a wrong password and an unknown email fail alike (UNAUTHENTICATED); RESOURCE_EXHAUSTED after 5
   * failures for one email in 15 minutes, with metadata "shop-retry-after-seconds".
   */
  Login(argument: _shop_account_v1_LoginRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_account_v1_AuthResponse__Output>): grpc.ClientUnaryCall;
  Login(argument: _shop_account_v1_LoginRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_account_v1_AuthResponse__Output>): grpc.ClientUnaryCall;
  Login(argument: _shop_account_v1_LoginRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_account_v1_AuthResponse__Output>): grpc.ClientUnaryCall;
  Login(argument: _shop_account_v1_LoginRequest, callback: grpc.requestCallback<_shop_account_v1_AuthResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Anyone: a wrong password and an unknown email fail alike (UNAUTHENTICATED); RESOURCE_EXHAUSTED after 5
   * failures for one email in 15 minutes, with metadata "shop-retry-after-seconds".
   */
  login(argument: _shop_account_v1_LoginRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_account_v1_AuthResponse__Output>): grpc.ClientUnaryCall;
  login(argument: _shop_account_v1_LoginRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_account_v1_AuthResponse__Output>): grpc.ClientUnaryCall;
  login(argument: _shop_account_v1_LoginRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_account_v1_AuthResponse__Output>): grpc.ClientUnaryCall;
  login(argument: _shop_account_v1_LoginRequest, callback: grpc.requestCallback<_shop_account_v1_AuthResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * The caller's own refresh token only.
   */
  Logout(argument: _shop_account_v1_LogoutRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_account_v1_LogoutResponse__Output>): grpc.ClientUnaryCall;
  Logout(argument: _shop_account_v1_LogoutRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_account_v1_LogoutResponse__Output>): grpc.ClientUnaryCall;
  Logout(argument: _shop_account_v1_LogoutRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_account_v1_LogoutResponse__Output>): grpc.ClientUnaryCall;
  Logout(argument: _shop_account_v1_LogoutRequest, callback: grpc.requestCallback<_shop_account_v1_LogoutResponse__Output>): grpc.ClientUnaryCall;
  /**
   * The caller's own refresh token only.
   */
  logout(argument: _shop_account_v1_LogoutRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_account_v1_LogoutResponse__Output>): grpc.ClientUnaryCall;
  logout(argument: _shop_account_v1_LogoutRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_account_v1_LogoutResponse__Output>): grpc.ClientUnaryCall;
  logout(argument: _shop_account_v1_LogoutRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_account_v1_LogoutResponse__Output>): grpc.ClientUnaryCall;
  logout(argument: _shop_account_v1_LogoutRequest, callback: grpc.requestCallback<_shop_account_v1_LogoutResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Anyone holding the refresh token: it works once; a second use revokes every session of the account.
   */
  RefreshToken(argument: _shop_account_v1_RefreshTokenRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_account_v1_AuthResponse__Output>): grpc.ClientUnaryCall;
  RefreshToken(argument: _shop_account_v1_RefreshTokenRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_account_v1_AuthResponse__Output>): grpc.ClientUnaryCall;
  RefreshToken(argument: _shop_account_v1_RefreshTokenRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_account_v1_AuthResponse__Output>): grpc.ClientUnaryCall;
  RefreshToken(argument: _shop_account_v1_RefreshTokenRequest, callback: grpc.requestCallback<_shop_account_v1_AuthResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Anyone holding the refresh token: it works once; a second use revokes every session of the account.
   */
  refreshToken(argument: _shop_account_v1_RefreshTokenRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_account_v1_AuthResponse__Output>): grpc.ClientUnaryCall;
  refreshToken(argument: _shop_account_v1_RefreshTokenRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_account_v1_AuthResponse__Output>): grpc.ClientUnaryCall;
  refreshToken(argument: _shop_account_v1_RefreshTokenRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_account_v1_AuthResponse__Output>): grpc.ClientUnaryCall;
  refreshToken(argument: _shop_account_v1_RefreshTokenRequest, callback: grpc.requestCallback<_shop_account_v1_AuthResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Anyone: creates a CUSTOMER and signs it in.
   */
  Register(argument: _shop_account_v1_RegisterRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_account_v1_AuthResponse__Output>): grpc.ClientUnaryCall;
  Register(argument: _shop_account_v1_RegisterRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_account_v1_AuthResponse__Output>): grpc.ClientUnaryCall;
  Register(argument: _shop_account_v1_RegisterRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_account_v1_AuthResponse__Output>): grpc.ClientUnaryCall;
  Register(argument: _shop_account_v1_RegisterRequest, callback: grpc.requestCallback<_shop_account_v1_AuthResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Anyone: creates a CUSTOMER and signs it in.
   */
  register(argument: _shop_account_v1_RegisterRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_account_v1_AuthResponse__Output>): grpc.ClientUnaryCall;
  register(argument: _shop_account_v1_RegisterRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_account_v1_AuthResponse__Output>): grpc.ClientUnaryCall;
  register(argument: _shop_account_v1_RegisterRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_account_v1_AuthResponse__Output>): grpc.ClientUnaryCall;
  register(argument: _shop_account_v1_RegisterRequest, callback: grpc.requestCallback<_shop_account_v1_AuthResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Admin only; tokens issued before the change stop working.
   */
  SetAccountRole(argument: _shop_account_v1_SetAccountRoleRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_account_v1_SetAccountRoleResponse__Output>): grpc.ClientUnaryCall;
  SetAccountRole(argument: _shop_account_v1_SetAccountRoleRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_account_v1_SetAccountRoleResponse__Output>): grpc.ClientUnaryCall;
  SetAccountRole(argument: _shop_account_v1_SetAccountRoleRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_account_v1_SetAccountRoleResponse__Output>): grpc.ClientUnaryCall;
  SetAccountRole(argument: _shop_account_v1_SetAccountRoleRequest, callback: grpc.requestCallback<_shop_account_v1_SetAccountRoleResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Admin only; tokens issued before the change stop working.
   */
  setAccountRole(argument: _shop_account_v1_SetAccountRoleRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_account_v1_SetAccountRoleResponse__Output>): grpc.ClientUnaryCall;
  setAccountRole(argument: _shop_account_v1_SetAccountRoleRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_account_v1_SetAccountRoleResponse__Output>): grpc.ClientUnaryCall;
  setAccountRole(argument: _shop_account_v1_SetAccountRoleRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_account_v1_SetAccountRoleResponse__Output>): grpc.ClientUnaryCall;
  setAccountRole(argument: _shop_account_v1_SetAccountRoleRequest, callback: grpc.requestCallback<_shop_account_v1_SetAccountRoleResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Partial update: only the fields that are set change.
   */
  UpdateAccount(argument: _shop_account_v1_UpdateAccountRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_account_v1_UpdateAccountResponse__Output>): grpc.ClientUnaryCall;
  UpdateAccount(argument: _shop_account_v1_UpdateAccountRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_account_v1_UpdateAccountResponse__Output>): grpc.ClientUnaryCall;
  UpdateAccount(argument: _shop_account_v1_UpdateAccountRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_account_v1_UpdateAccountResponse__Output>): grpc.ClientUnaryCall;
  UpdateAccount(argument: _shop_account_v1_UpdateAccountRequest, callback: grpc.requestCallback<_shop_account_v1_UpdateAccountResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Partial update: only the fields that are set change.
   */
  updateAccount(argument: _shop_account_v1_UpdateAccountRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_account_v1_UpdateAccountResponse__Output>): grpc.ClientUnaryCall;
  updateAccount(argument: _shop_account_v1_UpdateAccountRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_account_v1_UpdateAccountResponse__Output>): grpc.ClientUnaryCall;
  updateAccount(argument: _shop_account_v1_UpdateAccountRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_account_v1_UpdateAccountResponse__Output>): grpc.ClientUnaryCall;
  updateAccount(argument: _shop_account_v1_UpdateAccountRequest, callback: grpc.requestCallback<_shop_account_v1_UpdateAccountResponse__Output>): grpc.ClientUnaryCall;
  
}

/**
 * Customers and admins of the shop, and how they sign in. Emails are unique, compared case-insensitively.
 * Every call is checked against the caller's access token (metadata "authorization: Bearer <token>"); the rules
 * are those of the public API (API.md, "Identity and access").
 */
export interface AccountServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * The caller's own password; every earlier token of the account stops working, a fresh pair is returned.
   */
  ChangePassword: grpc.handleUnaryCall<_shop_account_v1_ChangePasswordRequest__Output, _shop_account_v1_AuthResponse>;
  
  /**
   * Admin only: an account with any role, with or without a password.
   */
  CreateAccount: grpc.handleUnaryCall<_shop_account_v1_CreateAccountRequest__Output, _shop_account_v1_CreateAccountResponse>;
  
  DeleteAccount: grpc.handleUnaryCall<_shop_account_v1_DeleteAccountRequest__Output, _shop_account_v1_DeleteAccountResponse>;
  
  /**
   * NOT_FOUND when no account has the id.
   */
  GetAccount: grpc.handleUnaryCall<_shop_account_v1_GetAccountRequest__Output, _shop_account_v1_GetAccountResponse>;
  
  /**
   * Batch read: accounts in the order of the ids asked for; unknown ids are left out.
   */
  GetAccounts: grpc.handleUnaryCall<_shop_account_v1_GetAccountsRequest__Output, _shop_account_v1_GetAccountsResponse>;
  
  /**
   * Anyone: the public keys access tokens are signed with (RFC 7517), so every service can check tokens itself.
   */
  GetJwks: grpc.handleUnaryCall<_shop_account_v1_GetJwksRequest__Output, _shop_account_v1_GetJwksResponse>;
  
  /**
   * The caller's own account; no account for an anonymous caller.
   */
  GetMe: grpc.handleUnaryCall<_shop_account_v1_GetMeRequest__Output, _shop_account_v1_GetMeResponse>;
  
  /**
   * Newest first, keyset pagination.
   */
  ListAccounts: grpc.handleUnaryCall<_shop_account_v1_ListAccountsRequest__Output, _shop_account_v1_ListAccountsResponse>;
  
  /**
   * ListHistory for many records in one call (the gateway's nested history fields).
   */
  ListHistories: grpc.handleUnaryCall<_shop_events_v1_ListHistoriesRequest__Output, _shop_events_v1_ListHistoriesResponse>;
  
  /**
   * Every change of the account, oldest first, also after it was deleted; empty for an id that never existed.
   */
  ListHistory: grpc.handleUnaryCall<_shop_events_v1_ListHistoryRequest__Output, _shop_events_v1_ListHistoryResponse>;
  
  /**
   * Anyone: a wrong password and an unknown email fail alike (UNAUTHENTICATED); RESOURCE_EXHAUSTED after 5
   * failures for one email in 15 minutes, with metadata "shop-retry-after-seconds".
   */
  Login: grpc.handleUnaryCall<_shop_account_v1_LoginRequest__Output, _shop_account_v1_AuthResponse>;
  
  /**
   * The caller's own refresh token only.
   */
  Logout: grpc.handleUnaryCall<_shop_account_v1_LogoutRequest__Output, _shop_account_v1_LogoutResponse>;
  
  /**
   * Anyone holding the refresh token: it works once; a second use revokes every session of the account.
   */
  RefreshToken: grpc.handleUnaryCall<_shop_account_v1_RefreshTokenRequest__Output, _shop_account_v1_AuthResponse>;
  
  /**
   * Anyone: creates a CUSTOMER and signs it in.
   */
  Register: grpc.handleUnaryCall<_shop_account_v1_RegisterRequest__Output, _shop_account_v1_AuthResponse>;
  
  /**
   * Admin only; tokens issued before the change stop working.
   */
  SetAccountRole: grpc.handleUnaryCall<_shop_account_v1_SetAccountRoleRequest__Output, _shop_account_v1_SetAccountRoleResponse>;
  
  /**
   * Partial update: only the fields that are set change.
   */
  UpdateAccount: grpc.handleUnaryCall<_shop_account_v1_UpdateAccountRequest__Output, _shop_account_v1_UpdateAccountResponse>;
  
}

export interface AccountServiceDefinition extends grpc.ServiceDefinition {
  ChangePassword: MethodDefinition<_shop_account_v1_ChangePasswordRequest, _shop_account_v1_AuthResponse, _shop_account_v1_ChangePasswordRequest__Output, _shop_account_v1_AuthResponse__Output>
  CreateAccount: MethodDefinition<_shop_account_v1_CreateAccountRequest, _shop_account_v1_CreateAccountResponse, _shop_account_v1_CreateAccountRequest__Output, _shop_account_v1_CreateAccountResponse__Output>
  DeleteAccount: MethodDefinition<_shop_account_v1_DeleteAccountRequest, _shop_account_v1_DeleteAccountResponse, _shop_account_v1_DeleteAccountRequest__Output, _shop_account_v1_DeleteAccountResponse__Output>
  GetAccount: MethodDefinition<_shop_account_v1_GetAccountRequest, _shop_account_v1_GetAccountResponse, _shop_account_v1_GetAccountRequest__Output, _shop_account_v1_GetAccountResponse__Output>
  GetAccounts: MethodDefinition<_shop_account_v1_GetAccountsRequest, _shop_account_v1_GetAccountsResponse, _shop_account_v1_GetAccountsRequest__Output, _shop_account_v1_GetAccountsResponse__Output>
  GetJwks: MethodDefinition<_shop_account_v1_GetJwksRequest, _shop_account_v1_GetJwksResponse, _shop_account_v1_GetJwksRequest__Output, _shop_account_v1_GetJwksResponse__Output>
  GetMe: MethodDefinition<_shop_account_v1_GetMeRequest, _shop_account_v1_GetMeResponse, _shop_account_v1_GetMeRequest__Output, _shop_account_v1_GetMeResponse__Output>
  ListAccounts: MethodDefinition<_shop_account_v1_ListAccountsRequest, _shop_account_v1_ListAccountsResponse, _shop_account_v1_ListAccountsRequest__Output, _shop_account_v1_ListAccountsResponse__Output>
  ListHistories: MethodDefinition<_shop_events_v1_ListHistoriesRequest, _shop_events_v1_ListHistoriesResponse, _shop_events_v1_ListHistoriesRequest__Output, _shop_events_v1_ListHistoriesResponse__Output>
  ListHistory: MethodDefinition<_shop_events_v1_ListHistoryRequest, _shop_events_v1_ListHistoryResponse, _shop_events_v1_ListHistoryRequest__Output, _shop_events_v1_ListHistoryResponse__Output>
  Login: MethodDefinition<_shop_account_v1_LoginRequest, _shop_account_v1_AuthResponse, _shop_account_v1_LoginRequest__Output, _shop_account_v1_AuthResponse__Output>
  Logout: MethodDefinition<_shop_account_v1_LogoutRequest, _shop_account_v1_LogoutResponse, _shop_account_v1_LogoutRequest__Output, _shop_account_v1_LogoutResponse__Output>
  RefreshToken: MethodDefinition<_shop_account_v1_RefreshTokenRequest, _shop_account_v1_AuthResponse, _shop_account_v1_RefreshTokenRequest__Output, _shop_account_v1_AuthResponse__Output>
  Register: MethodDefinition<_shop_account_v1_RegisterRequest, _shop_account_v1_AuthResponse, _shop_account_v1_RegisterRequest__Output, _shop_account_v1_AuthResponse__Output>
  SetAccountRole: MethodDefinition<_shop_account_v1_SetAccountRoleRequest, _shop_account_v1_SetAccountRoleResponse, _shop_account_v1_SetAccountRoleRequest__Output, _shop_account_v1_SetAccountRoleResponse__Output>
  UpdateAccount: MethodDefinition<_shop_account_v1_UpdateAccountRequest, _shop_account_v1_UpdateAccountResponse, _shop_account_v1_UpdateAccountRequest__Output, _shop_account_v1_UpdateAccountResponse__Output>
}
