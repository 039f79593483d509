// Original file: shop/account/v1/account.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CreateAccountRequest as _shop_account_v1_CreateAccountRequest, CreateAccountRequest__Output as _shop_account_v1_CreateAccountRequest__Output } from '../../../shop/account/v1/CreateAccountRequest.js';
import type { CreateAccountResponse as _shop_account_v1_CreateAccountResponse, CreateAccountResponse__Output as _shop_account_v1_CreateAccountResponse__Output } from '../../../shop/account/v1/CreateAccountResponse.js';
import type { DeleteAccountRequest as _shop_account_v1_DeleteAccountRequest, DeleteAccountRequest__Output as _shop_account_v1_DeleteAccountRequest__Output } from '../../../shop/account/v1/DeleteAccountRequest.js';
import type { DeleteAccountResponse as _shop_account_v1_DeleteAccountResponse, DeleteAccountResponse__Output as _shop_account_v1_DeleteAccountResponse__Output } from '../../../shop/account/v1/DeleteAccountResponse.js';
import type { GetAccountRequest as _shop_account_v1_GetAccountRequest, GetAccountRequest__Output as _shop_account_v1_GetAccountRequest__Output } from '../../../shop/account/v1/GetAccountRequest.js';
import type { GetAccountResponse as _shop_account_v1_GetAccountResponse, GetAccountResponse__Output as _shop_account_v1_GetAccountResponse__Output } from '../../../shop/account/v1/GetAccountResponse.js';
import type { GetAccountsRequest as _shop_account_v1_GetAccountsRequest, GetAccountsRequest__Output as _shop_account_v1_GetAccountsRequest__Output } from '../../../shop/account/v1/GetAccountsRequest.js';
import type { GetAccountsResponse as _shop_account_v1_GetAccountsResponse, GetAccountsResponse__Output as _shop_account_v1_GetAccountsResponse__Output } from '../../../shop/account/v1/GetAccountsResponse.js';
import type { ListAccountsRequest as _shop_account_v1_ListAccountsRequest, ListAccountsRequest__Output as _shop_account_v1_ListAccountsRequest__Output } from '../../../shop/account/v1/ListAccountsRequest.js';
import type { ListAccountsResponse as _shop_account_v1_ListAccountsResponse, ListAccountsResponse__Output as _shop_account_v1_ListAccountsResponse__Output } from '../../../shop/account/v1/ListAccountsResponse.js';
import type { ListHistoryRequest as _shop_events_v1_ListHistoryRequest, ListHistoryRequest__Output as _shop_events_v1_ListHistoryRequest__Output } from '../../../shop/events/v1/ListHistoryRequest.js';
import type { ListHistoryResponse as _shop_events_v1_ListHistoryResponse, ListHistoryResponse__Output as _shop_events_v1_ListHistoryResponse__Output } from '../../../shop/events/v1/ListHistoryResponse.js';
import type { UpdateAccountRequest as _shop_account_v1_UpdateAccountRequest, UpdateAccountRequest__Output as _shop_account_v1_UpdateAccountRequest__Output } from '../../../shop/account/v1/UpdateAccountRequest.js';
import type { UpdateAccountResponse as _shop_account_v1_UpdateAccountResponse, UpdateAccountResponse__Output as _shop_account_v1_UpdateAccountResponse__Output } from '../../../shop/account/v1/UpdateAccountResponse.js';

/**
 * Customers of the shop. Emails are unique, compared case-insensitively.
 */
export interface AccountServiceClient extends grpc.Client {
  CreateAccount(argument: _shop_account_v1_CreateAccountRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_account_v1_CreateAccountResponse__Output>): grpc.ClientUnaryCall;
  CreateAccount(argument: _shop_account_v1_CreateAccountRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_account_v1_CreateAccountResponse__Output>): grpc.ClientUnaryCall;
  CreateAccount(argument: _shop_account_v1_CreateAccountRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_account_v1_CreateAccountResponse__Output>): grpc.ClientUnaryCall;
  CreateAccount(argument: _shop_account_v1_CreateAccountRequest, callback: grpc.requestCallback<_shop_account_v1_CreateAccountResponse__Output>): grpc.ClientUnaryCall;
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
 * Customers of the shop. Emails are unique, compared case-insensitively.
 */
export interface AccountServiceHandlers extends grpc.UntypedServiceImplementation {
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
   * Newest first, keyset pagination.
   */
  ListAccounts: grpc.handleUnaryCall<_shop_account_v1_ListAccountsRequest__Output, _shop_account_v1_ListAccountsResponse>;
  
  /**
   * Every change of the account, oldest first, also after it was deleted; empty for an id that never existed.
   */
  ListHistory: grpc.handleUnaryCall<_shop_events_v1_ListHistoryRequest__Output, _shop_events_v1_ListHistoryResponse>;
  
  /**
   * Partial update: only the fields that are set change.
   */
  UpdateAccount: grpc.handleUnaryCall<_shop_account_v1_UpdateAccountRequest__Output, _shop_account_v1_UpdateAccountResponse>;
  
}

export interface AccountServiceDefinition extends grpc.ServiceDefinition {
  CreateAccount: MethodDefinition<_shop_account_v1_CreateAccountRequest, _shop_account_v1_CreateAccountResponse, _shop_account_v1_CreateAccountRequest__Output, _shop_account_v1_CreateAccountResponse__Output>
  DeleteAccount: MethodDefinition<_shop_account_v1_DeleteAccountRequest, _shop_account_v1_DeleteAccountResponse, _shop_account_v1_DeleteAccountRequest__Output, _shop_account_v1_DeleteAccountResponse__Output>
  GetAccount: MethodDefinition<_shop_account_v1_GetAccountRequest, _shop_account_v1_GetAccountResponse, _shop_account_v1_GetAccountRequest__Output, _shop_account_v1_GetAccountResponse__Output>
  GetAccounts: MethodDefinition<_shop_account_v1_GetAccountsRequest, _shop_account_v1_GetAccountsResponse, _shop_account_v1_GetAccountsRequest__Output, _shop_account_v1_GetAccountsResponse__Output>
  ListAccounts: MethodDefinition<_shop_account_v1_ListAccountsRequest, _shop_account_v1_ListAccountsResponse, _shop_account_v1_ListAccountsRequest__Output, _shop_account_v1_ListAccountsResponse__Output>
  ListHistory: MethodDefinition<_shop_events_v1_ListHistoryRequest, _shop_events_v1_ListHistoryResponse, _shop_events_v1_ListHistoryRequest__Output, _shop_events_v1_ListHistoryResponse__Output>
  UpdateAccount: MethodDefinition<_shop_account_v1_UpdateAccountRequest, _shop_account_v1_UpdateAccountResponse, _shop_account_v1_UpdateAccountRequest__Output, _shop_account_v1_UpdateAccountResponse__Output>
}
