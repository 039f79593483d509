/** The sample customer `pnpm seed` makes, whose login the playground's example starts with (local sample data only). */
export const EXAMPLE_LOGIN = { email: 'ada@example.com', password: 'shop-dev-password' };

/** The document the playground opens with: sign in first, then a public query and one that needs the token. */
export const EXAMPLE_QUERY = `# The shop's GraphQL API. Press ▶ and pick an
# operation. Docs (top left) lists every type and field.
#
# 1. Run Login. \`pnpm seed\` makes this sample customer;
#    \`pnpm start\` prints the admin's email and password.
# 2. Copy the accessToken into the Headers tab below:
#    { "Authorization": "Bearer <accessToken>" }
# 3. Run MyOrders. Products needs no token. A token lasts
#    15 minutes; refreshToken renews it with the refresh token.
mutation Login {
  login(email: "${EXAMPLE_LOGIN.email}", password: "${EXAMPLE_LOGIN.password}") {
    accessToken
    refreshToken
    expiresAt
    account {
      name
      role
    }
  }
}

query Products {
  products(first: 5) {
    edges {
      node {
        id
        name
        price {
          amount
          currencyCode
        }
        stock
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}

query MyOrders {
  me {
    name
    email
    orders(first: 3) {
      edges {
        node {
          status
          total {
            amount
            currencyCode
          }
          items {
            name
            quantity
          }
        }
      }
    }
  }
}
`;

/**
 * The playground's Content-Security-Policy: the page may load and call nothing but this origin (the inlined
 * code, its blob: workers and data: fonts aside), so no request can leave for another host even by accident.
 */
export const PLAYGROUND_CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
].join('; ');

let page: Promise<string> | undefined;

/**
 * The GraphiQL page of /playground: GraphiQL, its styles, fonts and editor workers all inlined by
 * @graphql-yoga/render-graphiql, so it works offline and asks nothing of any host but this one. The bundle
 * is large (about 9 MB), so it is loaded on the first request rather than at start, then kept.
 */
export function playgroundPage(): Promise<string> {
  page ??= import('@graphql-yoga/render-graphiql').then(({ renderGraphiQL }) =>
    renderGraphiQL({ title: 'Shop GraphQL playground', endpoint: '/graphql', defaultQuery: EXAMPLE_QUERY }),
  );
  return page;
}
