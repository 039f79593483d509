import type { MutationResolvers } from '../generated/resolvers-types.js';

/** Signing in and out: the account service does the work; the gateway only passes the caller's token on. */
export const authMutations: MutationResolvers = {
  register: (_, { input }, { clients, auth }) => clients.accounts.register({ name: input.name, email: input.email, password: input.password }, auth),
  login: (_, { email, password }, { clients, auth }) => clients.accounts.login({ email, password }, auth),
  refreshToken: (_, { refreshToken }, { clients, auth }) => clients.accounts.refresh(refreshToken, auth),
  logout: (_, { refreshToken }, { clients, auth }) => clients.accounts.logout(refreshToken, auth),
  changePassword: (_, { currentPassword, newPassword }, { clients, auth }) => clients.accounts.changePassword({ currentPassword, newPassword }, auth),
};
